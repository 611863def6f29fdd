/** API schema of exports: a period of local dates and a format. */
import { z } from 'zod';
import { isoDate } from './common.js';
import { exportFormats } from '../domain/exports.js';

export const exportQuery = z.strictObject({ from: isoDate, to: isoDate, format: z.enum(exportFormats) });
