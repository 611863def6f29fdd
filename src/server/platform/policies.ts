/**
 * Authorization: one small policy function per action, checked in services.
 * The table is tested as actor × action × outcome in policies.test.ts.
 */
import type { Role } from '../../shared/domain/roles.js';
import { AppError } from './errors.js';

/** Who is acting: resolved from the session, always inside one association. */
export interface Actor {
  userId: string;
  memberId: string;
  /** The member's name, as shown to others (authors of observations). */
  name: string;
  associationId: string;
  kind: 'volunteer' | 'partner';
  roles: readonly Role[];
  partnerOrganisationId: string | null;
  language: 'sv' | 'en';
  /** Whether the account has TOTP two-factor on (read with the session). */
  twoFactorEnabled: boolean;
}

const has = (actor: Actor, ...wanted: Role[]) => actor.kind === 'volunteer' && wanted.some((r) => actor.roles.includes(r));
const isMember = (actor: Actor) => actor.kind === 'volunteer';
const staff = (actor: Actor) => has(actor, 'coordinator', 'admin');
const admin = (actor: Actor) => has(actor, 'admin');

export const policies = {
  'association.read': (_actor: Actor) => true,
  'association.update': admin,
  'member.list': staff,
  'member.read': (actor: Actor, target?: { memberId: string }) => staff(actor) || target?.memberId === actor.memberId,
  'member.invite': staff,
  'member.update': staff,
  'member.changeRoles': admin,
  'member.deactivate': admin,
  'member.anonymise': admin,
  'member.export': admin,
  'invitation.list': staff,
  'invitation.revoke': staff,
  'partner.list': staff,
  'partner.manage': admin,
  'area.list': (_actor: Actor) => true,
  'vehicle.list': isMember,
  'vehicle.manage': staff,
  'shift.list': isMember,
  'shift.signup': isMember,
  'shift.manage': staff,
  'drivinglog.read': isMember,
  'hours.readAll': staff,
  'calendar.manage': isMember,
  /** The taxonomy is the association's, not anyone's: partners filter the map by it. */
  'category.list': (_actor: Actor) => true,
  'category.manage': staff,
  'observation.create': isMember,
  'observation.listAll': staff,
  'observation.editAny': staff,
  'recipient.list': staff,
  'recipient.manage': admin,
  'routing.read': staff,
  'routing.manage': admin,
  'area.manage': admin,
  /** Keys for partner systems to the association's Open311 endpoint. */
  'open311.manage': admin,
  'item.list': staff,
  'item.manage': staff,
  /** A volunteer follows the items made of their own observations. */
  'item.followOwn': isMember,
  /** A partner follows the items addressed to their organisation. */
  'item.followAddressed': (actor: Actor) => actor.kind === 'partner' && actor.partnerOrganisationId !== null,
  /** A partner's member answers, in the app, the items addressed to their organisation. */
  'item.answerAddressed': (actor: Actor) => actor.kind === 'partner' && actor.partnerOrganisationId !== null,
  /** Counts and sums only: everyone in the association, partners too. */
  'insights.read': (_actor: Actor) => true,
  /** The map of observations; partners see positions and counts, never who or what was written. */
  'map.read': (_actor: Actor) => true,
  /** Where the cars went, as a coarse grid of how many shifts passed: staff and partners (a single route is personal data). */
  'coverage.read': (actor: Actor) => staff(actor) || actor.kind === 'partner',
  'iop.read': (actor: Actor) => staff(actor) || actor.kind === 'partner',
  /** The board writes the IOP report's text. */
  'iop.write': admin,
  'audit.read': admin,
  'retention.manage': admin,
  'privacy.records': admin,
  'outbox.read': admin,
} satisfies Record<string, (actor: Actor, target?: { memberId: string }) => boolean>;

export type Action = keyof typeof policies;
export const actions = Object.keys(policies) as Action[];

/** True when actor may do action (on target, where the policy looks at one). */
export function can(actor: Actor, action: Action, target?: { memberId: string }): boolean {
  return policies[action](actor, target);
}

/** Throws forbidden unless the policy allows. */
export function authorize(actor: Actor, action: Action, target?: { memberId: string }): void {
  if (!can(actor, action, target)) throw new AppError('forbidden');
}
