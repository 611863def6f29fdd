/**
 * One table, three formats: CSV (RFC 4180, UTF-8 with a byte-order mark so
 * Excel reads å, ä and ö, in the reader's spreadsheet convention), XLSX (a real
 * workbook: numbers as numbers, times as dates, a bold frozen header row,
 * columns wide enough) and GeoJSON (a FeatureCollection of points, the other
 * columns as properties; coordinates as [lng, lat]).
 */
import { csvCell } from '../../platform/csv.js';
import { localParts } from '../../../shared/domain/time.js';
import type { ExportFormat } from '../../../shared/domain/exports.js';
import type { CsvStyle } from '../../../shared/api/exports.js';

export type { ExportFormat, CsvStyle };

export interface Column<T> {
  key: string;
  header: string;
  /** 'datetime': the value is an ISO instant, shown in Swedish local time (a date cell in XLSX). Numbers are told by their value. */
  type?: 'datetime';
  value: (row: T) => string | number | null;
}

export interface Table<T> {
  name: string;
  columns: Column<T>[];
  rows: T[];
  position: (row: T) => { lat: number; lng: number };
}

/**
 * How a spreadsheet in each language opens a CSV by double-click: Swedish Excel
 * splits on semicolons and reads a decimal comma (a comma-separated file opens
 * in one column there); English Excel splits on commas and reads a decimal point.
 */
const csvConventions: Record<CsvStyle, { separator: ',' | ';'; decimal: ',' | '.' }> = {
  sv: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

/** An ISO instant as the local wall-clock time "YYYY-MM-DD HH:MM". */
function localText(iso: string): string {
  const p = localParts(iso);
  return `${p.date} ${p.time}`;
}

/** A cell's text in a CSV or GeoJSON: local times, and numbers with the convention's decimal mark. */
function textOf<T>(c: Column<T>, row: T, decimal: ',' | '.' = '.'): string | number | null {
  const v = c.value(row);
  if (v === null) return null;
  if (c.type === 'datetime') return localText(String(v));
  if (typeof v === 'number') return decimal === '.' ? v : String(v).replace('.', decimal);
  return v;
}

export function toCsv<T>(t: Pick<Table<T>, 'columns' | 'rows'>, style: CsvStyle = 'sv'): string {
  const { separator, decimal } = csvConventions[style];
  const lines = [t.columns.map((c) => csvCell(c.header, separator)).join(separator)];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(textOf(c, r, decimal), separator)).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * An ISO instant as the date cell a spreadsheet shows as the Swedish wall-clock
 * time: Excel's dates have no time zone, so the cell holds the local time's
 * fields (written as UTC, which is how ExcelJS stores a Date).
 */
function localDate(iso: string): Date {
  const p = localParts(iso);
  return new Date(`${p.date}T${p.time}:00Z`);
}

export async function toXlsx<T>(t: Pick<Table<T>, 'name' | 'columns' | 'rows'>): Promise<Buffer> {
  // Loaded when a spreadsheet is made, not when the server (or each test file) starts.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Grannstöd';
  const sheet = book.addWorksheet(t.name.slice(0, 31));
  // Wide enough for the header and the longest of the first rows' values, within reason.
  const sample = t.rows.slice(0, 200);
  sheet.columns = t.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.type === 'datetime' ? 18 : Math.min(60, Math.max(10, c.header.length + 2, ...sample.map((r) => String(c.value(r) ?? '').length + 2))),
    ...(c.type === 'datetime' && { style: { numFmt: 'yyyy-mm-dd hh:mm' } }),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
  for (const r of t.rows) {
    sheet.addRow(
      Object.fromEntries(
        t.columns.map((c) => {
          const v = c.value(r);
          return [c.key, c.type === 'datetime' && v !== null ? localDate(String(v)) : v];
        }),
      ),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function toGeoJson<T>(t: Table<T>): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: t.rows.map((r) => {
      const { lat, lng } = t.position(r);
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lng, lat] },
        properties: Object.fromEntries(t.columns.map((c) => [c.key, textOf(c, r)])),
      };
    }),
  });
}

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
};
