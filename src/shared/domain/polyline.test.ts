import { describe, expect, it } from 'vitest';
import { decodePolyline, encodePolyline } from './polyline.js';

describe('encoded polyline', () => {
  it('matches the reference example and round-trips', () => {
    // The example of Google's documentation.
    const points: [number, number][] = [
      [38.5, -120.2],
      [40.7, -120.95],
      [43.252, -126.453],
    ];
    expect(encodePolyline(points)).toBe('_p~iF~ps|U_ulLnnqC_mqNvxq`@');
    expect(decodePolyline('_p~iF~ps|U_ulLnnqC_mqNvxq`@')).toEqual(points);
  });

  it('keeps a route through Huddinge to about a metre', () => {
    const route: [number, number][] = Array.from({ length: 100 }, (_, i) => [59.2366 + i * 0.00037, 17.9818 - i * 0.00051]);
    const back = decodePolyline(encodePolyline(route));
    back.forEach(([lat, lng], i) => {
      expect(Math.abs(lat - route[i]![0])).toBeLessThan(0.00001);
      expect(Math.abs(lng - route[i]![1])).toBeLessThan(0.00001);
    });
    expect(encodePolyline(route).length).toBeLessThan(100 * 9);
  });

  it('refuses a truncated string', () => {
    expect(() => decodePolyline('_p~iF~ps|U_')).toThrow();
  });
});
