/** API schemas of setup, the association, partner organisations, areas and cars. */
import { z } from 'zod';
import { partnerKinds } from '../domain/roles.js';
import { email, id, language, password, personName } from './common.js';

const placeName = z.string().trim().min(1).max(200);

export const setupStatus = z.object({ needsSetup: z.boolean() });
export const setupInput = z.strictObject({
  associationName: placeName,
  municipality: placeName,
  adminName: personName,
  email,
  password,
  language: language.default('sv'),
});

const shiftRules = {
  signupClosesHours: z.number().int().min(0).max(168),
  withdrawDeadlineHours: z.number().int().min(0).max(720),
  checkinGraceMinutes: z.number().int().min(5).max(240),
  shortShiftNoticeDays: z.number().int().min(1).max(14),
};
export const association = z.object({
  id,
  name: z.string(),
  municipality: z.string(),
  requireTwoFactor: z.boolean(),
  estEmail: z.string().nullable(),
  /** A person's address that answers to the association's mail reach (Reply-To). */
  contactEmail: z.string().nullable(),
  /** Whether /p/{id} shows the public counts per square kilometre and category. */
  publicPage: z.boolean(),
  ...shiftRules,
});
export const associationUpdate = z.strictObject({
  name: placeName.optional(),
  municipality: placeName.optional(),
  requireTwoFactor: z.boolean().optional(),
  signupClosesHours: shiftRules.signupClosesHours.optional(),
  withdrawDeadlineHours: shiftRules.withdrawDeadlineHours.optional(),
  checkinGraceMinutes: shiftRules.checkinGraceMinutes.optional(),
  shortShiftNoticeDays: shiftRules.shortShiftNoticeDays.optional(),
  /** The EST coordinator's address for the weekly report; null stops it. */
  estEmail: email.nullable().optional(),
  contactEmail: email.nullable().optional(),
  publicPage: z.boolean().optional(),
});

export const partnerOrganisation = z.object({ id, name: z.string(), kind: z.enum(partnerKinds) });
export const partnerOrganisationCreate = z.strictObject({ name: placeName, kind: z.enum(partnerKinds) });

export const area = z.object({ id, name: z.string(), geometry: z.unknown() });

/** The first-day checklist: each step done when what it sets up exists; unsent observations for the coordinators. */
export const firstDaySteps = ['cars', 'shifts', 'members', 'recipients', 'areas'] as const;
export const firstDay = z.object({
  steps: z.array(z.object({ step: z.enum(firstDaySteps), done: z.boolean() })),
  /** Observations needing action that no rule has sent (up to 100). */
  unsent: z.number().int(),
});
export type FirstDay = z.infer<typeof firstDay>;

export type SetupInput = z.infer<typeof setupInput>;
export type Association = z.infer<typeof association>;
export type PartnerOrganisation = z.infer<typeof partnerOrganisation>;
export type Area = z.infer<typeof area>;
