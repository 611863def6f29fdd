import { describe, expect, it } from 'vitest';
import { actions, can, type Action, type Actor } from './policies.js';
import type { Role } from '../../shared/domain/roles.js';

const actor = (roles: Role[], kind: Actor['kind'] = 'volunteer'): Actor => ({
  userId: 'u',
  memberId: 'self',
  name: 'Själv',
  associationId: 'a',
  kind,
  roles,
  partnerOrganisationId: kind === 'partner' ? 'p' : null,
  language: 'sv',
  twoFactorEnabled: false,
});

const actors = {
  volunteer: actor(['volunteer']),
  driver: actor(['volunteer', 'driver']),
  shift_leader: actor(['volunteer', 'shift_leader']),
  coordinator: actor(['volunteer', 'coordinator']),
  admin: actor(['admin']),
  partner: actor([], 'partner'),
};
type Who = keyof typeof actors;
const everyone: Who[] = ['volunteer', 'driver', 'shift_leader', 'coordinator', 'admin', 'partner'];
const members: Who[] = ['volunteer', 'driver', 'shift_leader', 'coordinator', 'admin'];
const staff: Who[] = ['coordinator', 'admin'];

/** Exactly who may do each action (on someone else's record). */
const grants: Record<Action, Who[]> = {
  'association.read': everyone,
  'association.update': ['admin'],
  'member.list': staff,
  'member.read': staff,
  'member.invite': staff,
  'member.update': staff,
  'member.changeRoles': ['admin'],
  'member.deactivate': ['admin'],
  'member.anonymise': ['admin'],
  'member.export': ['admin'],
  'invitation.list': staff,
  'invitation.revoke': staff,
  'partner.list': staff,
  'partner.manage': ['admin'],
  'area.list': everyone,
  'vehicle.list': members,
  'vehicle.manage': staff,
  'shift.list': members,
  'shift.signup': members,
  'shift.manage': staff,
  'drivinglog.read': members,
  'hours.readAll': staff,
  'calendar.manage': members,
  'category.list': everyone,
  'category.manage': staff,
  'observation.create': members,
  'observation.listAll': staff,
  'observation.editAny': staff,
  'recipient.list': staff,
  'recipient.manage': ['admin'],
  'routing.read': staff,
  'routing.manage': ['admin'],
  'area.manage': ['admin'],
  'open311.manage': ['admin'],
  'item.list': staff,
  'item.manage': staff,
  'item.followOwn': members,
  'item.followAddressed': ['partner'],
  'item.answerAddressed': ['partner'],
  'insights.read': everyone,
  'map.read': everyone,
  'coverage.read': ['coordinator', 'admin', 'partner'],
  'iop.read': ['coordinator', 'admin', 'partner'],
  'iop.write': ['admin'],
  'audit.read': ['admin'],
  'outbox.read': ['admin'],
  'retention.manage': ['admin'],
  'privacy.records': ['admin'],
};

describe('policy table', () => {
  it('covers every action', () => {
    expect(Object.keys(grants).sort()).toEqual([...actions].sort());
  });

  const cases = actions.flatMap((action) => everyone.map((who) => ({ action, who, allowed: grants[action].includes(who) })));
  it.each(cases)('$who → $action = $allowed', ({ action, who, allowed }) => {
    expect(can(actors[who], action, { memberId: 'someone-else' })).toBe(allowed);
  });

  it('lets every member read their own record, partners included', () => {
    for (const who of everyone) expect(can(actors[who], 'member.read', { memberId: 'self' })).toBe(true);
  });
});
