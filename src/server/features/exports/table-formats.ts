/**
 * One table, three formats: CSV (RFC 4180, UTF-8 with a byte-order mark so
 * Excel reads å, ä and ö), XLSX (a real workbook: numbers as numbers, a bold
 * header row, columns wide enough) and GeoJSON (a FeatureCollection of points,
 * the other columns as properties; coordinates as [lng, lat]).
 */
import ExcelJS from 'exceljs';
import { csvCell } from '../../platform/csv.js';

import type { ExportFormat } from '../../../shared/domain/exports.js';

export type { ExportFormat };

export interface Column<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | null;
}

export interface Table<T> {
  name: string;
  columns: Column<T>[];
  rows: T[];
  position: (row: T) => { lat: number; lng: number };
}

export function toCsv<T>(t: Pick<Table<T>, 'columns' | 'rows'>): string {
  const lines = [t.columns.map((c) => csvCell(c.header, ',')).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(c.value(r), ',')).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx<T>(t: Pick<Table<T>, 'name' | 'columns' | 'rows'>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Grannstöd';
  const sheet = book.addWorksheet(t.name.slice(0, 31));
  sheet.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: Math.min(60, Math.max(12, c.header.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of t.rows) sheet.addRow(Object.fromEntries(t.columns.map((c) => [c.key, c.value(r)])));
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
        properties: Object.fromEntries(t.columns.map((c) => [c.key, c.value(r)])),
      };
    }),
  });
}

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
};
