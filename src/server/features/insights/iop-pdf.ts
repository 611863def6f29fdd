/**
 * The IOP follow-up report as an archivable, tagged PDF (PDF/A-2a, A4): the
 * period and the one before, the board's summary, the key figures and the
 * figures per area as tables, bar charts of observations by category, weekday
 * and hour, a map of counts per square kilometre over the named areas with a
 * legend and a scale, the recipients' table, and the board's other texts.
 * The text is set in DejaVu Sans, embedded (a subset), so every name reads
 * right: Swedish, Sámi and Finnish letters, ł, ş and ı. Headings, paragraphs,
 * tables and figures (with alternative text) are tagged in reading order, in
 * the reader's language; page footers are artifacts. Everything is drawn as
 * vectors; nothing is fetched from outside.
 */
import { PDF_REGULAR, useFonts } from '../../platform/files/pdf-fonts.js';
import { translate, type Language, type MessageKey } from '../../../shared/i18n/translate.js';
import type { iopSectionKeys } from '../../../shared/api/insights.js';
import { type Dashboard, type IopTexts } from '../../../shared/api/insights.js';
import { formatFigure, type FigureRow } from './key-figures.js';
import { BRAND, MUTED, type Layout, type ReportMap } from './iop-pdf-layout.js';
import { mapFigure } from './iop-pdf-map.js';

export type { ReportMap };

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

export async function iopPdf(input: ReportInput): Promise<Buffer> {
  // Loaded when a report is made, not when the server (or each test file) starts.
  const { default: PDFDocument } = await import('pdfkit');
  const { lang, dashboard: d } = input;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, key as MessageKey, params);
  const day = (date: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: lang === 'en' ? 'en-GB' : 'sv-SE',
    displayTitle: true,
    font: PDF_REGULAR,
    info: { Title: `${t('iop.title')} ${d.from} – ${d.to}`, Author: input.association, Creator: 'Grannstöd', Subject: t('iop.title') },
  });
  useFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const root = doc.struct('Document');
  doc.addStructure(root);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const room = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const ctx: Layout = { doc, root, left, width, bottom, room, t, lang };
  const para = (text: string, style: { bold?: boolean; size?: number; color?: string } = {}) =>
    root.add(
      doc.struct('P', {}, () => {
        doc
          .font(style.bold ? 'Bold' : 'Body')
          .fontSize(style.size ?? 10.5)
          .fillColor(style.color ?? 'black')
          .text(text, left, doc.y, { width })
          .fillColor('black');
      }),
    );
  const heading = (text: string, level: 'H1' | 'H2' = 'H2') => {
    room(60);
    if (level === 'H2') doc.moveDown(0.6);
    root.add(
      doc.struct(level, {}, () => {
        doc
          .font('Bold')
          .fontSize(level === 'H1' ? 20 : 14)
          .fillColor(BRAND)
          .text(text, left, doc.y, { width })
          .fillColor('black');
      }),
    );
    doc.moveDown(0.3).font('Body').fontSize(10.5);
  };
  const section = (key: (typeof iopSectionKeys)[number]) => {
    heading(t(`iop.section.${key}`));
    const text = input.texts[key].trim();
    if (text) para(text);
    else para(t('iop.noText'), { color: MUTED });
  };

  // The title block.
  heading(t('iop.title'), 'H1');
  para(input.association, { bold: true, size: 13 });
  para(t('iop.period', { from: day(d.from), to: day(d.to) }), { size: 11 });
  para(t('iop.compared', { from: day(d.previousFrom), to: day(d.previousTo) }), { size: 11 });
  if (input.areaName) para(t('iop.area', { area: input.areaName }), { size: 11 });
  section('summary');

  // Key figures: the groups a reader looks for first; the rest are in the charts and the tables after them.
  heading(t('iop.keyFigures'));
  const first = new Set([t('dashboard.shifts'), t('dashboard.observations'), t('dashboard.items')]);
  figureTable(
    ctx,
    input.figures.filter((r) => first.has(r.group)),
    {},
  );

  heading(t('dashboard.byCategory'));
  bars(
    ctx,
    t('dashboard.byCategory'),
    d.observations.byCategory.slice(0, 15).map((c) => ({ label: c.label, value: c.value, previous: c.previous })),
  );
  heading(t('dashboard.byWeekday'));
  bars(
    ctx,
    t('dashboard.byWeekday'),
    d.observations.byWeekday.map((w) => ({ label: t(`weekday.${w.weekday}`), value: w.value, previous: w.previous })),
  );
  heading(t('dashboard.byHour'));
  columnsChart(
    ctx,
    t('dashboard.byHour'),
    d.observations.byHour.map((h) => ({ label: String(h.hour).padStart(2, '0'), value: h.value, previous: h.previous })),
  );

  // The heading goes with its map: a map is at most 340 points high, with its legend under it.
  room(input.map ? 440 : 60);
  heading(t('iop.map'));
  if (input.map) mapFigure(ctx, input.map);
  else para(t('iop.noMap'), { color: MUTED });
  para(t('iop.mapNote'), { size: 9, color: MUTED });

  // The figures per area, as the CSV has them.
  heading(t('dashboard.byArea'));
  figureTable(
    ctx,
    input.figures.filter((r) => r.group === t('dashboard.byArea')),
    {},
  );

  heading(t('dashboard.byRecipient'));
  figureTable(
    ctx,
    input.figures.filter((r) => r.group.startsWith(`${t('dashboard.recipient')}:`)),
    { withGroup: true },
  );

  section('activities');
  section('cooperation');
  section('ahead');
  root.end();

  // Footers last, when the number of pages is known: artifacts, not part of the text.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const y = doc.page.height - 35;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('Body')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(t('iop.footer', { association: input.association, date: day(input.madeOn), page: i + 1, pages: range.count }), left, y, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
  }
  doc.end();
  return done;
}

/** A table of figure, period, period before and change, tagged as one (header cells TH); a group's name heads its rows. */
function figureTable(l: Layout, rows: FigureRow[], o: { withGroup?: boolean }) {
  const { doc, t } = l;
  const cols = [l.width * 0.46, l.width * 0.18, l.width * 0.18, l.width * 0.18];
  const table = doc.struct('Table');
  l.root.add(table);
  const line = (cells: string[], header = false) => {
    if (doc.y + 16 > l.bottom()) doc.addPage();
    const y = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    let x = l.left;
    let lowest = y + 14;
    // A recipient's name over its rows: a header cell, in bold.
    const heads = Boolean(o.withGroup) && cells.slice(1).every((v) => v === '');
    cells.forEach((c, i) => {
      const at = x;
      tr.add(
        doc.struct(header || (heads && i === 0) ? 'TH' : 'TD', {}, () => {
          doc
            .font(header || heads ? 'Bold' : 'Body')
            .fontSize(10)
            .text(c, at + (i === 0 ? 0 : 4), y, { width: cols[i]! - 8, align: i === 0 ? 'left' : 'right', lineBreak: i === 0 });
          lowest = Math.max(lowest, doc.y);
        }),
      );
      x += cols[i]!;
    });
    tr.end();
    doc.y = lowest;
  };
  line([t('iop.figure'), t('iop.value'), t('iop.previous'), t('iop.change')], true);
  let group = '';
  for (const r of rows) {
    if (o.withGroup && r.group !== group) {
      group = r.group;
      doc.moveDown(0.2);
      line([group.slice(group.indexOf(':') + 1).trim(), '', '', '']);
    }
    const change = r.value === null || r.previous === null ? '' : formatFigure(l.lang, Math.round((r.value - r.previous) * 10) / 10, r.unit);
    line([
      r.label,
      formatFigure(l.lang, r.value, r.unit),
      formatFigure(l.lang, r.previous, r.unit),
      change.startsWith('-') || change.startsWith('−') || change === '' ? change : `+${change}`,
    ]);
  }
  table.end();
  doc.font('Body').fontSize(10.5);
}

interface Bar {
  label: string;
  value: number;
  previous: number;
}

/** What a chart shows, in words: its alternative text. */
function chartAlt(l: Layout, title: string, rows: Bar[]): string {
  const shown = rows.filter((r) => r.value || r.previous);
  const list = shown.length ? shown.map((r) => `${r.label} ${r.value} (${r.previous})`).join(', ') : l.t('iop.chartEmpty');
  return `${title}. ${l.t('iop.value')} (${l.t('iop.previous')}): ${list}.`;
}

/** Horizontal bars, this period dark and the one before light, with the numbers written out: one tagged figure. */
function bars(l: Layout, title: string, rows: Bar[]) {
  const { doc } = l;
  const max = Math.max(1, ...rows.flatMap((r) => [r.value, r.previous]));
  const labelWidth = l.width * 0.38;
  const barWidth = l.width * 0.47;
  l.room(Math.min(rows.length * 15 + 20, 300));
  l.root.add(
    doc.struct('Figure', { alt: chartAlt(l, title, rows) }, () => {
      doc.font('Body').fontSize(9);
      for (const r of rows) {
        l.room(18);
        const y = doc.y;
        doc.fillColor('black').text(r.label, l.left, y, { width: labelWidth - 6, height: 12, ellipsis: true, lineBreak: false });
        doc.rect(l.left + labelWidth, y, (r.value / max) * barWidth, 6).fill(BRAND);
        doc.rect(l.left + labelWidth, y + 7, (r.previous / max) * barWidth, 4).fill('#9db9d3');
        doc
          .fillColor('black')
          .text(`${r.value} (${r.previous})`, l.left + labelWidth + barWidth + 6, y, { width: l.width - labelWidth - barWidth - 6, lineBreak: false });
        doc.y = y + 15;
      }
      doc
        .fillColor(MUTED)
        .fontSize(8.5)
        .text(`${l.t('iop.value')} (${l.t('iop.previous')})`, l.left)
        .fillColor('black')
        .fontSize(10.5);
    }),
  );
}

/** Vertical columns for the 24 hours, with each count under its hour: one tagged figure. */
function columnsChart(l: Layout, title: string, rows: Bar[]) {
  const { doc } = l;
  l.room(110);
  l.root.add(
    doc.struct('Figure', { alt: chartAlt(l, title, rows) }, () => {
      const max = Math.max(1, ...rows.flatMap((r) => [r.value, r.previous]));
      const top = doc.y;
      const height = 70;
      const step = l.width / rows.length;
      rows.forEach((r, i) => {
        const x = l.left + i * step;
        const h = (r.value / max) * height;
        const hp = (r.previous / max) * height;
        doc.rect(x + 2, top + height - h, step * 0.45, h).fill(BRAND);
        doc.rect(x + 2 + step * 0.45, top + height - hp, step * 0.3, hp).fill('#9db9d3');
        doc
          .fillColor('black')
          .font('Body')
          .fontSize(7)
          .text(r.label, x, top + height + 2, { width: step, align: 'center', lineBreak: false });
        doc.text(String(r.value), x, top + height + 11, { width: step, align: 'center', lineBreak: false });
      });
      doc.y = top + height + 24;
      doc.fontSize(10.5);
    }),
  );
}
