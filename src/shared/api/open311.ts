/** API schemas of the keys partner systems use at the association's Open311 endpoint. */
import { z } from 'zod';

export const open311KeyCreate = z.strictObject({
  /** The partner system the key is for, e.g. "Huddinge kommun, felanmälan". */
  name: z.string().trim().min(1).max(200),
  /** Whether the system may submit requests, or only read them. */
  maySubmit: z.boolean().default(true),
});
export type Open311KeyCreate = z.infer<typeof open311KeyCreate>;

export const open311Key = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key, to tell keys apart. */
  prefix: z.string(),
  maySubmit: z.boolean(),
  issuedBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** False once the admin who issued it is deactivated: the key stops working with them. */
  issuerActive: z.boolean(),
});
export type Open311Key = z.infer<typeof open311Key>;

/** Returned once, when the key is made: only its hash is kept. */
export const open311KeyCreated = open311Key.extend({ key: z.string() });
export type Open311KeyCreated = z.infer<typeof open311KeyCreated>;
