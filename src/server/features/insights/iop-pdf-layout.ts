/** What the IOP PDF's parts share: its colours, the map's input, and the page layout each part draws on. */
import type PDFDocument from 'pdfkit';
import type { Language } from '../../../shared/i18n/translate.js';

export interface ReportMap {
  extent: { west: number; south: number; east: number; north: number };
  columns: number;
  rows: number;
  cells: { x: number; y: number; count: number }[];
  areas: { name: string; rings: [number, number][][] }[];
}

export const BRAND = '#0b4f8a';
export const MUTED = '#555555';
export const SHADE = '#b3001b';

export type Doc = InstanceType<typeof PDFDocument>;
export type Struct = ReturnType<Doc['struct']>;

export interface Layout {
  doc: Doc;
  root: Struct;
  left: number;
  width: number;
  bottom: () => number;
  room: (h: number) => void;
  t: (k: string, p?: Record<string, string | number>) => string;
  lang: Language;
}
