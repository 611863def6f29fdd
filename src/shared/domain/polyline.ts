/**
 * Google's encoded polyline (precision 5, about a metre): a route driven is kept
 * as a short string instead of a row per point, a few bytes per position.
 */
function encodeNumber(n: number): string {
  let v = n < 0 ? ~(n << 1) : n << 1;
  let out = '';
  while (v >= 0x20) {
    out += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
    v >>= 5;
  }
  return out + String.fromCharCode(v + 63);
}

export function encodePolyline(points: readonly [number, number][]): string {
  let lat = 0;
  let lng = 0;
  let out = '';
  for (const [pLat, pLng] of points) {
    const a = Math.round(pLat * 1e5);
    const b = Math.round(pLng * 1e5);
    out += encodeNumber(a - lat) + encodeNumber(b - lng);
    lat = a;
    lng = b;
  }
  return out;
}

export function decodePolyline(text: string): [number, number][] {
  const points: [number, number][] = [];
  let i = 0;
  let lat = 0;
  let lng = 0;
  const next = () => {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      if (i >= text.length) throw new Error('truncated polyline');
      b = text.charCodeAt(i++) - 63;
      result |= (b & 0x1f) << shift;
      shift += 5;
    } while (b >= 0x20);
    return result & 1 ? ~(result >> 1) : result >> 1;
  };
  while (i < text.length) {
    lat += next();
    lng += next();
    points.push([lat / 1e5, lng / 1e5]);
  }
  return points;
}
