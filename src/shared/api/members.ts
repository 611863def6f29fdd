/** API schemas of members, invitations and the own profile. */
import { z } from 'zod';
import { memberKinds, memberStatuses, qualificationKinds, roles, textSizes } from '../domain/roles.js';
import { email, id, isoDate, isoDateTime, language, password, personName, phone } from './common.js';

export const qualification = z
  .strictObject({
    kind: z.enum(qualificationKinds),
    achievedOn: isoDate,
    expiresOn: isoDate.nullable().default(null),
  })
  .refine((q) => q.expiresOn === null || q.expiresOn >= q.achievedOn, { path: ['expiresOn'], message: 'must not be before achievedOn' });

/** A member's own cap on shifts per week; null removes it. */
const maxShiftsPerWeek = z.number().int().min(1).max(14).nullable().optional();

export const memberSummary = z.object({
  id,
  name: z.string(),
  email: z.string(),
  kind: z.enum(memberKinds),
  roles: z.array(z.enum(roles)),
  status: z.enum(memberStatuses),
  partnerOrganisationId: id.nullable(),
});

export const memberDetail = memberSummary.extend({
  phone: z.string().nullable(),
  language,
  textSize: z.enum(textSizes),
  qualifications: z.array(z.object({ kind: z.enum(qualificationKinds), achievedOn: z.string(), expiresOn: z.string().nullable() })),
  createdAt: isoDateTime,
  deactivatedAt: isoDateTime.nullable(),
  maxShiftsPerWeek: z.number().nullable(),
});

/** Anonymising asks for the member's name, typed, as the confirmation that this is the one. */
export const memberAnonymise = z.strictObject({ confirmName: z.string().trim().min(1).max(200) });

export const memberListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: z.enum(roles).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const memberUpdate = z.strictObject({
  name: personName.optional(),
  phone: phone.optional(),
  language: language.optional(),
  roles: z.array(z.enum(roles)).max(roles.length).optional(),
  qualifications: z.array(qualification).max(qualificationKinds.length).optional(),
  maxShiftsPerWeek,
});

export const invitationCreate = z.strictObject({
  name: personName,
  email,
  language: language.default('sv'),
  kind: z.enum(memberKinds).default('volunteer'),
  roles: z.array(z.enum(roles)).max(roles.length).default(['volunteer']),
  partnerOrganisationId: id.nullable().default(null),
});

export const invitationSummary = z.object({
  id,
  memberId: id,
  name: z.string(),
  email: z.string(),
  expiresAt: isoDateTime,
  createdAt: isoDateTime,
});

export const invitationPreview = z.object({ association: z.string(), name: z.string(), email: z.string(), language });
export const invitationAccept = z.strictObject({ password });
export const tokenParams = z.strictObject({ token: z.string().min(20).max(200) });

export const me = z.object({
  member: memberDetail,
  association: z.object({ id, name: z.string(), municipality: z.string(), requireTwoFactor: z.boolean() }),
  partnerOrganisation: z.object({ id, name: z.string(), kind: z.string() }).nullable(),
  twoFactorEnabled: z.boolean(),
  twoFactorRequired: z.boolean(),
  permissions: z.array(z.string()),
});

export const meUpdate = z.strictObject({
  name: personName.optional(),
  phone: phone.optional(),
  language: language.optional(),
  textSize: z.enum(textSizes).optional(),
  maxShiftsPerWeek,
});

export type MemberSummary = z.infer<typeof memberSummary>;
export type MemberDetail = z.infer<typeof memberDetail>;
export type MemberUpdate = z.infer<typeof memberUpdate>;
export type InvitationCreate = z.infer<typeof invitationCreate>;
export type InvitationSummary = z.infer<typeof invitationSummary>;
export type InvitationPreview = z.infer<typeof invitationPreview>;
export type Me = z.infer<typeof me>;
export type MeUpdate = z.infer<typeof meUpdate>;
