/** Building blocks of the API schemas. Requests are strict: unknown fields are refused. */
import { z } from 'zod';
import { languages } from '../i18n/translate.js';

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
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime();
export const password = z.string().min(10).max(128);
export const ok = z.object({ ok: z.literal(true) });
