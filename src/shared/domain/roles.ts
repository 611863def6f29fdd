/** Roles, qualifications and partner kinds: the vocabulary of DOMAIN.md, shared by server and web. */
export const roles = ['volunteer', 'driver', 'shift_leader', 'coordinator', 'admin'] as const;
export type Role = (typeof roles)[number];

export const qualificationKinds = ['driving_licence_checked', 'training_done', 'code_of_conduct_signed'] as const;
export type QualificationKind = (typeof qualificationKinds)[number];

export const partnerKinds = ['police', 'municipality', 'fire_service', 'other'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const memberKinds = ['volunteer', 'partner'] as const;
export type MemberKind = (typeof memberKinds)[number];

export const memberStatuses = ['invited', 'active', 'inactive', 'anonymised'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export const textSizes = ['normal', 'large', 'larger'] as const;
export type TextSize = (typeof textSizes)[number];
