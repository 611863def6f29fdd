/**
 * The IOP follow-up report as a PDF (A4, pdfkit's own Helvetica, so no font
 * files): the period and the one before, the board's summary, the key figures
 * as a table, bar charts of observations by category, weekday and hour, a
 * schematic map of counts per square kilometre over the areas' outlines, the
 * recipients' table, and the board's other texts. Everything is drawn as
 * vectors; nothing is fetched from outside.
 */
import PDFDocument from 'pdfkit';
import { translate, type Language, type MessageKey } from '../../../shared/i18n/translate.js';
import type { iopSectionKeys } from '../../../shared/api/insights.js';
import { type Dashboard, type IopTexts } from '../../../shared/api/insights.js';
import { formatFigure, type FigureRow } from './key-figures.js';

export interface ReportMap {
  extent: { west: number; south: number; east: number; north: number };
  columns: number;
  rows: number;
  cells: { x: number; y: number; count: number }[];
  areas: { name: string; rings: [number, number][][] }[];
}

export interface ReportInput {
  lang: Language;
  association: string;
  areaName: string | null;
  dashboard: Dashboard;
  figures: FigureRow[];
  texts: IopTexts['sections'];
  map: ReportMap | null;
  madeOn: string;
}

const BRAND = '#0b4f8a';
const MUTED = '#555555';
// pdfkit's standard fonts are WinAnsi: no narrow no-break space (Intl's thousands separator in Swedish).
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ').replace(/\u2212/g, '-');

export function iopPdf(input: ReportInput): Promise<Buffer> {
  const { lang, dashboard: d } = input;
  const t = (key: string, params: Record<string, string | number> = {}) => plain(translate(lang, key as MessageKey, params));
  const day = (date: string) =>
    plain(new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`)));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: { Title: `${t('iop.title')} ${d.from} – ${d.to}`, Author: input.association, Creator: 'Grannstöd' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const room = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string) => {
    room(60);
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(14).fillColor(BRAND).text(text, left).fillColor('black').moveDown(0.3);
    doc.font('Helvetica').fontSize(10.5);
  };
  const section = (key: (typeof iopSectionKeys)[number]) => {
    heading(t(`iop.section.${key}`));
    const text = input.texts[key].trim();
    if (text) doc.text(plain(text), left, doc.y, { width, align: 'left' });
    else doc.fillColor(MUTED).text(t('iop.noText'), left).fillColor('black');
  };

  // The title block.
  doc.font('Helvetica-Bold').fontSize(20).fillColor(BRAND).text(t('iop.title'), left).fillColor('black');
  doc.font('Helvetica-Bold').fontSize(13).text(plain(input.association));
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(t('iop.period', { from: day(d.from), to: day(d.to) }));
  doc.text(t('iop.compared', { from: day(d.previousFrom), to: day(d.previousTo) }));
  if (input.areaName) doc.text(t('iop.area', { area: plain(input.areaName) }));
  section('summary');

  // Key figures: the groups a reader looks for first; the rest are in the charts, and all are in the CSV.
  heading(t('iop.keyFigures'));
  const first = new Set([t('dashboard.shifts'), t('dashboard.observations'), t('dashboard.items')]);
  figureTable(
    doc,
    input.figures.filter((r) => first.has(plain(r.group))),
    { left, width, bottom, t, lang },
  );

  heading(t('dashboard.byCategory'));
  bars(
    doc,
    { left, width, room },
    d.observations.byCategory.slice(0, 15).map((c) => ({ label: plain(c.label), value: c.value, previous: c.previous })),
    t,
  );
  heading(t('dashboard.byWeekday'));
  bars(
    doc,
    { left, width, room },
    d.observations.byWeekday.map((w) => ({ label: t(`weekday.${w.weekday}`), value: w.value, previous: w.previous })),
    t,
  );
  heading(t('dashboard.byHour'));
  columnsChart(
    doc,
    { left, width, room },
    d.observations.byHour.map((h) => ({ label: String(h.hour).padStart(2, '0'), value: h.value, previous: h.previous })),
  );

  heading(t('iop.map'));
  if (input.map) mapFigure(doc, { left, width, room }, input.map);
  else doc.fillColor(MUTED).text(t('iop.noMap'), left).fillColor('black');
  doc.fontSize(9).fillColor(MUTED).text(t('iop.mapNote'), left, doc.y, { width }).fillColor('black').fontSize(10.5);

  heading(t('dashboard.byRecipient'));
  figureTable(
    doc,
    input.figures.filter((r) => plain(r.group).startsWith(`${t('dashboard.recipient')}:`)),
    { left, width, bottom, t, lang, withGroup: true },
  );

  section('activities');
  section('cooperation');
  section('ahead');

  // Footers last, when the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const y = doc.page.height - 35;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(t('iop.footer', { association: plain(input.association), date: day(input.madeOn), page: i + 1, pages: range.count }), left, y, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

type Doc = InstanceType<typeof PDFDocument>;

/** Rows of figure, period, period before and change; a group's name heads its rows. */
function figureTable(
  doc: Doc,
  rows: FigureRow[],
  o: { left: number; width: number; bottom: () => number; t: (k: string, p?: Record<string, string | number>) => string; lang: Language; withGroup?: boolean },
) {
  const cols = [o.width * 0.46, o.width * 0.18, o.width * 0.18, o.width * 0.18];
  const line = (cells: string[], bold = false) => {
    if (doc.y + 16 > o.bottom()) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    let x = o.left;
    cells.forEach((c, i) => {
      doc.text(c, x + (i === 0 ? 0 : 4), y, { width: cols[i]! - 8, align: i === 0 ? 'left' : 'right', lineBreak: i === 0 });
      x += cols[i]!;
    });
    doc.y = Math.max(doc.y, y + 14);
  };
  line([o.t('iop.figure'), o.t('iop.value'), o.t('iop.previous'), o.t('iop.change')], true);
  let group = '';
  for (const r of rows) {
    if (o.withGroup && r.group !== group) {
      group = r.group;
      doc.moveDown(0.2);
      line([plain(group.slice(group.indexOf(':') + 1).trim()), '', '', ''], true);
    }
    const change = r.value === null || r.previous === null ? '' : formatFigure(o.lang, Math.round((r.value - r.previous) * 10) / 10, r.unit);
    line([
      plain(r.label),
      plain(formatFigure(o.lang, r.value, r.unit)),
      plain(formatFigure(o.lang, r.previous, r.unit)),
      plain(change.startsWith('-') || change === '' ? change : `+${change}`),
    ]);
  }
}

interface Bar {
  label: string;
  value: number;
  previous: number;
}

/** Horizontal bars, this period dark and the one before light, with the numbers written out. */
function bars(doc: Doc, o: { left: number; width: number; room: (h: number) => void }, rows: Bar[], t: (k: string) => string) {
  const max = Math.max(1, ...rows.flatMap((r) => [r.value, r.previous]));
  const labelWidth = o.width * 0.38;
  const barWidth = o.width * 0.47;
  doc.fontSize(9);
  for (const r of rows) {
    o.room(18);
    const y = doc.y;
    doc.fillColor('black').text(r.label, o.left, y, { width: labelWidth - 6, height: 12, ellipsis: true, lineBreak: false });
    doc.rect(o.left + labelWidth, y, (r.value / max) * barWidth, 6).fill(BRAND);
    doc.rect(o.left + labelWidth, y + 7, (r.previous / max) * barWidth, 4).fill('#9db9d3');
    doc
      .fillColor('black')
      .text(`${r.value} (${r.previous})`, o.left + labelWidth + barWidth + 6, y, { width: o.width - labelWidth - barWidth - 6, lineBreak: false });
    doc.y = y + 15;
  }
  doc
    .fillColor(MUTED)
    .fontSize(8.5)
    .text(`${t('iop.value')} (${t('iop.previous')})`, o.left)
    .fillColor('black')
    .fontSize(10.5);
}

/** Vertical columns for the 24 hours, with each count under its hour. */
function columnsChart(doc: Doc, o: { left: number; width: number; room: (h: number) => void }, rows: Bar[]) {
  o.room(110);
  const max = Math.max(1, ...rows.flatMap((r) => [r.value, r.previous]));
  const top = doc.y;
  const height = 70;
  const step = o.width / rows.length;
  rows.forEach((r, i) => {
    const x = o.left + i * step;
    const h = (r.value / max) * height;
    const hp = (r.previous / max) * height;
    doc.rect(x + 2, top + height - h, step * 0.45, h).fill(BRAND);
    doc.rect(x + 2 + step * 0.45, top + height - hp, step * 0.3, hp).fill('#9db9d3');
    doc
      .fillColor('black')
      .fontSize(7)
      .text(r.label, x, top + height + 2, { width: step, align: 'center', lineBreak: false });
    doc.text(String(r.value), x, top + height + 11, { width: step, align: 'center', lineBreak: false });
  });
  doc.y = top + height + 24;
  doc.fontSize(10.5);
}

/** The counts per square as shades of one colour over the areas' outlines, north up, in a frame. */
function mapFigure(doc: Doc, o: { left: number; width: number; room: (h: number) => void }, m: ReportMap) {
  const { west, south, east, north } = m.extent;
  // Longitude degrees are shorter than latitude degrees this far north.
  const aspect = (north - south) / ((east - west) * Math.cos((((north + south) / 2) * Math.PI) / 180)) || 1;
  const w = o.width;
  const h = Math.min(360, w * aspect);
  const scale = Math.min(w, h / aspect);
  o.room(h + 20);
  const top = doc.y;
  const px = (lng: number) => o.left + ((lng - west) / (east - west || 1)) * scale;
  const py = (lat: number) => top + h - ((lat - south) / (north - south || 1)) * (scale * aspect);
  doc.rect(o.left, top, w, h).lineWidth(0.5).stroke('#888888');
  const max = Math.max(1, ...m.cells.map((c) => c.count));
  const cw = (east - west) / m.columns;
  const ch = (north - south) / m.rows;
  for (const c of m.cells) {
    const x0 = px(west + c.x * cw);
    const y1 = py(south + c.y * ch);
    const x1 = px(west + (c.x + 1) * cw);
    const y0 = py(south + (c.y + 1) * ch);
    doc
      .rect(x0, y0, x1 - x0, y1 - y0)
      .fillOpacity(0.15 + 0.75 * (c.count / max))
      .fill('#b3001b');
  }
  doc.fillOpacity(1);
  for (const a of m.areas) {
    for (const ring of a.rings) {
      ring.forEach(([lng, lat], i) => (i === 0 ? doc.moveTo(px(lng), py(lat)) : doc.lineTo(px(lng), py(lat))));
      doc.closePath().lineWidth(1).stroke(BRAND);
    }
  }
  doc.y = top + h + 6;
}
