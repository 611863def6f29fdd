/** The IOP PDF's map: counts per square over the named areas, with a legend and a scale, as one tagged figure. */
import { formatFigure } from './key-figures.js';
import { BRAND, SHADE, type Layout, type ReportMap } from './iop-pdf-layout.js';

/** The centre of a ring's corners: where its area's name is written. */
function centreOf(ring: [number, number][]): [number, number] {
  const pts = ring.slice(0, -1);
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}

/** A round length for a scale bar of at most this many kilometres. */
function roundKm(max: number): number {
  return [0.5, 1, 2, 5, 10, 20, 50].filter((k) => k <= max).at(-1) ?? 0.5;
}

/**
 * The counts per square as shades of one colour over the areas' outlines and
 * names, north up, in a frame, with a legend of the shades and a scale bar:
 * one tagged figure whose alternative text says what it shows.
 */
export function mapFigure(l: Layout, m: ReportMap) {
  const { doc, t } = l;
  const { west, south, east, north } = m.extent;
  const midLat = (north + south) / 2;
  // Longitude degrees are shorter than latitude degrees this far north.
  const aspect = (north - south) / ((east - west) * Math.cos((midLat * Math.PI) / 180)) || 1;
  const w = l.width;
  const h = Math.min(340, w * aspect);
  const scale = Math.min(w, h / aspect);
  l.room(h + 60);
  const max = Math.max(1, ...m.cells.map((c) => c.count));
  const busiest = [...m.cells].sort((a, b) => b.count - a.count)[0];
  const alt = t('iop.mapAlt', { areas: m.areas.map((a) => a.name).join(', ') || '–', squares: m.cells.length, max });
  l.root.add(
    doc.struct('Figure', { alt }, () => {
      const top = doc.y;
      const px = (lng: number) => l.left + ((lng - west) / (east - west || 1)) * scale;
      const py = (lat: number) => top + h - ((lat - south) / (north - south || 1)) * (scale * aspect);
      doc.rect(l.left, top, w, h).lineWidth(0.5).stroke('#888888');
      const cw = (east - west) / m.columns;
      const ch = (north - south) / m.rows;
      const shade = (count: number) => 0.15 + 0.75 * (count / max);
      for (const c of m.cells) {
        const x0 = px(west + c.x * cw);
        const y1 = py(south + c.y * ch);
        const x1 = px(west + (c.x + 1) * cw);
        const y0 = py(south + (c.y + 1) * ch);
        doc
          .rect(x0, y0, x1 - x0, y1 - y0)
          .fillOpacity(shade(c.count))
          .fill(SHADE);
      }
      doc.fillOpacity(1);
      for (const a of m.areas) {
        for (const ring of a.rings) {
          ring.forEach(([lng, lat], i) => (i === 0 ? doc.moveTo(px(lng), py(lat)) : doc.lineTo(px(lng), py(lat))));
          doc.closePath().lineWidth(1).stroke(BRAND);
        }
      }
      // Names over the outlines, on a white ground so the shades do not hide them.
      doc.font('Bold').fontSize(8);
      for (const a of m.areas) {
        const ring = [...a.rings].sort((x, y) => y.length - x.length)[0];
        if (!ring || ring.length < 4) continue;
        const [lng, lat] = centreOf(ring);
        const labelWidth = doc.widthOfString(a.name) + 4;
        const x = Math.min(Math.max(px(lng) - labelWidth / 2, l.left + 2), l.left + w - labelWidth - 2);
        const y = py(lat) - 5;
        doc
          .rect(x, y - 1, labelWidth, 11)
          .fillOpacity(0.8)
          .fill('white')
          .fillOpacity(1);
        doc.fillColor(BRAND).text(a.name, x + 2, y, { lineBreak: false });
      }
      // North up, and a scale bar of a round length.
      doc
        .fillColor('black')
        .font('Bold')
        .fontSize(9)
        .text('N ↑', l.left + w - 28, top + 6, { lineBreak: false });
      const kmPerPoint = ((east - west) * 111.32 * Math.cos((midLat * Math.PI) / 180)) / scale;
      const km = roundKm((w / 4) * kmPerPoint);
      const barLength = km / kmPerPoint;
      const by = top + h - 14;
      doc.rect(l.left + 8, by, barLength, 4).fill('black');
      doc
        .font('Body')
        .fontSize(8)
        .text(t('iop.scale', { km: formatFigure(l.lang, km, 'count') }), l.left + 12 + barLength, by - 3, { lineBreak: false });
      // The legend: the shades from one observation to the busiest square's count.
      const ly = top + h + 8;
      doc.fillColor('black').font('Body').fontSize(8.5).text(t('iop.legend'), l.left, ly, { lineBreak: false });
      const steps = [...new Set([1, Math.round(max / 4), Math.round(max / 2), Math.round((3 * max) / 4), max])].filter((n) => n >= 1);
      let x = l.left + doc.widthOfString(t('iop.legend')) + 10;
      for (const n of steps) {
        doc.rect(x, ly, 12, 10).fillOpacity(shade(n)).fill(SHADE).fillOpacity(1);
        doc.fillColor('black').text(String(n), x + 15, ly + 1, { lineBreak: false });
        x += 15 + doc.widthOfString(String(n)) + 12;
      }
      doc.y = ly + 16;
      if (busiest) doc.x = l.left;
    }),
  );
  doc.font('Body').fontSize(10.5);
}
