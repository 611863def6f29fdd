/** The driving log as a CSV file (for spreadsheets) and as a printable PDF, in the reader's language. */
import { csvCell } from '../../platform/csv.js';
import { PDF_REGULAR, useFonts } from '../../platform/files/pdf-fonts.js';
import type { DrivingLog, Trip } from '../../../shared/api/driving-log.js';
import { translate, type Language, type MessageKey } from '../../../shared/i18n/translate.js';
import { TIME_ZONE } from '../../../shared/domain/time.js';

const columns = [
  'log.date',
  'log.time',
  'log.odometerStart',
  'log.odometerEnd',
  'log.km',
  'log.startPlace',
  'log.endPlace',
  'log.purpose',
  'log.driver',
  'log.remarks',
] as const;

function timeSpan(lang: Language, t: Trip): string {
  const f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  return `${f.format(new Date(t.startedAt))}–${t.endedAt ? f.format(new Date(t.endedAt)) : ''}`;
}

function remarks(lang: Language, t: Trip): string {
  return t.flags.map((f) => translate(lang, `log.flag.${f}` as MessageKey, { km: t.gapKm })).join('; ');
}

function row(lang: Language, t: Trip): string[] {
  return [
    t.date,
    timeSpan(lang, t),
    String(t.odometerStartKm),
    t.odometerEndKm?.toString() ?? '',
    t.km?.toString() ?? '',
    t.startPlace ?? '',
    t.endPlace ?? '',
    t.purpose,
    t.driverName ?? '',
    remarks(lang, t),
  ];
}

/** Semicolons and a byte-order mark, so Swedish Excel opens it with å, ä and ö intact. */
export function drivingLogCsv(lang: Language, log: DrivingLog): string {
  const cell = (v: string) => csvCell(v, ';');
  const lines = [columns.map((c) => translate(lang, c)), ...log.trips.map((t) => row(lang, t))];
  lines.push(
    [],
    [translate(lang, 'log.odometerAtStart'), String(log.odometerAtStartKm ?? '')],
    [translate(lang, 'log.odometerAtEnd'), String(log.odometerAtEndKm ?? '')],
    [translate(lang, 'log.totalKm'), String(log.totalKm)],
  );
  return `\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** A4 landscape, the header repeated on every page. */
export async function drivingLogPdf(lang: Language, log: DrivingLog, associationName: string): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    font: PDF_REGULAR,
    info: { Title: `${translate(lang, 'log.title')} ${log.year} – ${log.vehicleName}`, Author: associationName },
  });
  // Drivers' names as they are spelt (ł, ş, ŋ): an embedded Unicode face, not WinAnsi Helvetica.
  useFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const widths = [58, 62, 52, 52, 34, 86, 86, 110, 100, 126];
  const left = doc.page.margins.left;
  const header = () => {
    doc.font('Bold').fontSize(9);
    let x = left;
    const y = doc.y;
    columns.forEach((c, i) => {
      doc.text(translate(lang, c), x, y, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.moveDown(0.5);
    doc
      .moveTo(left, doc.y)
      .lineTo(left + widths.reduce((a, b) => a + b, 0), doc.y)
      .stroke();
    doc.moveDown(0.3);
    doc.font('Body').fontSize(9);
  };

  doc
    .font('Bold')
    .fontSize(16)
    .text(`${translate(lang, 'log.title')} ${log.year}: ${log.vehicleName} (${log.registration})`);
  doc.font('Body').fontSize(11).text(associationName);
  doc.moveDown(0.3);
  doc.text(
    `${translate(lang, 'log.odometerAtStart')}: ${log.odometerAtStartKm ?? '–'} km   ${translate(lang, 'log.odometerAtEnd')}: ${log.odometerAtEndKm ?? '–'} km   ${translate(lang, 'log.totalKm')}: ${log.totalKm} km`,
  );
  doc.moveDown(0.8);
  header();
  for (const t of log.trips) {
    const cells = row(lang, t);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 })));
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x, y, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.y = y + height + 3;
  }
  if (log.trips.length === 0) doc.text(translate(lang, 'log.none'), left);
  doc.end();
  return done;
}
