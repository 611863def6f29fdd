/**
 * The association's privacy document, made from what the installation holds:
 * for members the privacy notice (what is kept, why, for how long, who gets
 * it, their rights); for the board also the records of processing (GDPR art.
 * 30) with how many of each are held now.
 */
import { z } from 'zod';

export const dataCategories = [
  'members',
  'qualifications',
  'partners',
  'invitations',
  'shifts',
  'routes',
  'observations',
  'observation_texts',
  'items',
  'item_notes',
  'mails',
  'audit',
] as const;
export type DataCategory = (typeof dataCategories)[number];

export const privacyDocument = z.object({
  association: z.string(),
  municipality: z.string(),
  generatedAt: z.string(),
  categories: z.array(
    z.object({
      category: z.enum(dataCategories),
      /** Rows held now (the board's records only). */
      held: z.number().nullable(),
      /** The association's period in months, or null when kept as long as the membership (until anonymised) or for the figures. */
      retentionMonths: z.number().nullable(),
    }),
  ),
  recipients: z.array(z.object({ name: z.string(), kind: z.string(), channel: z.string() })),
  partners: z.array(z.object({ name: z.string(), kind: z.string() })),
  /** Who else handles data, as this installation is configured. */
  outside: z.object({
    smtp: z.boolean(),
    mapTiles: z.string().nullable(),
    geocoder: z.string().nullable(),
    policeEvents: z.boolean(),
    est: z.boolean(),
    publicPage: z.boolean(),
  }),
  measures: z.object({ https: z.boolean(), twoFactorRequired: z.boolean() }),
  installationRetentionDays: z.object({ endedSessions: z.number(), policeEvents: z.number() }),
});
export type PrivacyDocument = z.infer<typeof privacyDocument>;
