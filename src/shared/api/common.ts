/** Building blocks of the API schemas. Requests are strict: unknown fields are refused. */
import { z } from 'zod';
import { languages } from '../i18n/translate.js';
import { findSensitive } from '../domain/privacy.js';

export const id = z.uuid();
export const idParams = z.strictObject({ id });
export const email = z
  .email()
  .max(320)
  .transform((e) => e.toLowerCase());
export const personName = z.string().trim().min(1).max(200);
export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,30}$/)
  .nullable();
export const language = z.enum(languages);
/** Years the product has any business with: a year 9999 or 0001 is a typing mistake or a probe, refused with the field named. */
const inYears = (v: string) => {
  const year = Number(v.slice(0, 4));
  return year >= 1900 && year <= 2100;
};
export const isoDate = z.iso.date().refine(inYears, { message: 'error.field.date_range' });
export const isoDateTime = z.iso.datetime().refine(inYears, { message: 'error.field.date_range' });

/**
 * Free text the association keeps (notes, summaries, references, addresses): trimmed, bounded, and
 * under the privacy guard, so no personal identity number, plate, phone number or e-mail address is
 * kept; each kind found is named on the field (the observation's own words are guarded in its service,
 * which may drop them when they were handed to the police).
 */
export const guardedText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((value, ctx) => {
      for (const kind of new Set(findSensitive(value).map((f) => f.kind))) ctx.addIssue({ code: 'custom', message: `error.privacy.${kind}` });
    });
export const password = z.string().min(10).max(128);
export const ok = z.object({ ok: z.literal(true) });
