/** API schema of exports: a period of local dates and a format. */
import { z } from 'zod';
import { isoDate } from './common.js';
import { exportFormats } from '../domain/exports.js';

/** A CSV as Swedish spreadsheets open it (semicolons, decimal comma) or as English ones do (commas, decimal point). */
export const csvStyles = ['sv', 'en'] as const;
export type CsvStyle = (typeof csvStyles)[number];
/** Unset: the reader's language decides. */
export const csvStyle = z.enum(csvStyles).optional();

export const exportQuery = z.strictObject({ from: isoDate, to: isoDate, format: z.enum(exportFormats), csvStyle });
