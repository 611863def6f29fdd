/** All SQL about members, their roles and qualifications. Every query is scoped by association. */
import type { Selectable } from 'kysely';
import type { MemberTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/db/ids.js';
import { sessionsChanged } from '../../platform/auth/recent-sessions.js';
import type { MemberKind, MemberStatus, QualificationKind, Role, TextSize } from '../../../shared/domain/roles.js';
import type { Language } from '../../../shared/i18n/translate.js';
import type { Executor } from '../../platform/db/database.js';

export interface MemberRecord {
  id: string;
  associationId: string;
  userId: string | null;
  kind: MemberKind;
  partnerOrganisationId: string | null;
  name: string;
  email: string;
  phone: string | null;
  language: Language;
  textSize: TextSize;
  status: MemberStatus;
  roles: Role[];
  createdAt: string;
  updatedAt: string;
  deactivatedAt: string | null;
  /** The member's own cap on shifts per week; null for none. */
  maxShiftsPerWeek: number | null;
}

export interface QualificationRecord {
  kind: QualificationKind;
  achievedOn: string;
  expiresOn: string | null;
}

/** A member row (as the session reader brings it along) and its roles, as a record. */
export function recordFromRow(row: Selectable<MemberTable>, roles: Role[]): MemberRecord {
  return toRecord(row, roles);
}

function toRecord(row: Selectable<MemberTable>, roles: Role[]): MemberRecord {
  return {
    id: row.id,
    associationId: row.association_id,
    userId: row.user_id,
    kind: row.kind as MemberKind,
    partnerOrganisationId: row.partner_organisation_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language as Language,
    textSize: row.text_size as TextSize,
    status: row.status as MemberStatus,
    roles,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deactivatedAt: row.deactivated_at,
    maxShiftsPerWeek: row.max_shifts_per_week,
  };
}

async function rolesOf(db: Executor, memberIds: string[]): Promise<Map<string, Role[]>> {
  const byMember = new Map<string, Role[]>();
  if (memberIds.length === 0) return byMember;
  const rows = await db.selectFrom('member_roles').select(['member_id', 'role']).where('member_id', 'in', memberIds).execute();
  for (const r of rows) byMember.set(r.member_id, [...(byMember.get(r.member_id) ?? []), r.role as Role]);
  return byMember;
}

export async function findMember(db: Executor, associationId: string, memberId: string): Promise<MemberRecord | undefined> {
  const row = await db.selectFrom('members').selectAll().where('association_id', '=', associationId).where('id', '=', memberId).executeTakeFirst();
  if (!row) return undefined;
  return toRecord(row, (await rolesOf(db, [row.id])).get(row.id) ?? []);
}

/** The member a signed-in user is, in whichever association that is; one query with the roles, as every request asks it. */
export async function findMemberByUserId(db: Executor, userId: string): Promise<MemberRecord | undefined> {
  const rows = await db
    .selectFrom('members')
    .leftJoin('member_roles', 'member_roles.member_id', 'members.id')
    .selectAll('members')
    .select('member_roles.role')
    .where('members.user_id', '=', userId)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const { role: _, ...member } = first;
  return toRecord(
    member,
    rows.flatMap((r) => (r.role ? [r.role as Role] : [])),
  );
}

export async function listMembers(db: Executor, associationId: string, filter: { q?: string; role?: Role; includeInactive: boolean }): Promise<MemberRecord[]> {
  let query = db.selectFrom('members').selectAll().where('association_id', '=', associationId);
  if (filter.role) {
    const role = filter.role;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('member_roles').select('member_roles.role').whereRef('member_roles.member_id', '=', 'members.id').where('member_roles.role', '=', role),
      ),
    );
  }
  if (!filter.includeInactive) query = query.where('status', 'not in', ['inactive', 'anonymised']);
  if (filter.q) {
    // Wildcards are dropped rather than escaped: the two dialects escape LIKE differently.
    const like = `%${filter.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('email', 'like', like)]));
  }
  const rows = await query.orderBy('name').limit(1000).execute();
  const roles = await rolesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRecord(r, roles.get(r.id) ?? []));
}

/** What a new member is made of; the id and timestamps are set here. */
export type NewMember = Pick<
  MemberRecord,
  'associationId' | 'userId' | 'kind' | 'partnerOrganisationId' | 'name' | 'email' | 'phone' | 'language' | 'status' | 'roles'
> & {
  now: string;
};

export async function insertMember(db: Executor, m: NewMember): Promise<string> {
  const id = newId();
  await db
    .insertInto('members')
    .values({
      id,
      association_id: m.associationId,
      user_id: m.userId,
      kind: m.kind,
      partner_organisation_id: m.partnerOrganisationId,
      name: m.name,
      email: m.email,
      phone: m.phone,
      language: m.language,
      text_size: 'normal',
      status: m.status,
      created_at: m.now,
      updated_at: m.now,
      deactivated_at: null,
    })
    .execute();
  await replaceRoles(db, m.associationId, id, m.roles);
  return id;
}

export type MemberChanges = Partial<
  Pick<MemberRecord, 'name' | 'email' | 'phone' | 'language' | 'textSize' | 'status' | 'userId' | 'deactivatedAt' | 'maxShiftsPerWeek'>
>;

export async function updateMember(db: Executor, associationId: string, memberId: string, changes: MemberChanges, now: string): Promise<void> {
  await db
    .updateTable('members')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.phone !== undefined && { phone: changes.phone }),
      ...(changes.language !== undefined && { language: changes.language }),
      ...(changes.textSize !== undefined && { text_size: changes.textSize }),
      ...(changes.maxShiftsPerWeek !== undefined && { max_shifts_per_week: changes.maxShiftsPerWeek }),
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.userId !== undefined && { user_id: changes.userId }),
      ...(changes.deactivatedAt !== undefined && { deactivated_at: changes.deactivatedAt }),
      updated_at: now,
    })
    .where('association_id', '=', associationId)
    .where('id', '=', memberId)
    .execute();
  // Sessions carry their member's row (language, status): the ones read a moment ago are stale now.
  sessionsChanged();
}

export async function replaceRoles(db: Executor, associationId: string, memberId: string, roles: Role[]): Promise<void> {
  await db.deleteFrom('member_roles').where('association_id', '=', associationId).where('member_id', '=', memberId).execute();
  const unique = [...new Set(roles)];
  if (unique.length > 0) {
    await db
      .insertInto('member_roles')
      .values(unique.map((role) => ({ association_id: associationId, member_id: memberId, role })))
      .execute();
  }
  sessionsChanged();
}

export async function qualificationsOf(db: Executor, associationId: string, memberId: string): Promise<QualificationRecord[]> {
  const rows = await db
    .selectFrom('qualifications')
    .select(['kind', 'achieved_on', 'expires_on'])
    .where('association_id', '=', associationId)
    .where('member_id', '=', memberId)
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind as QualificationKind, achievedOn: r.achieved_on, expiresOn: r.expires_on }));
}

export async function replaceQualifications(db: Executor, associationId: string, memberId: string, list: QualificationRecord[]): Promise<void> {
  await db.deleteFrom('qualifications').where('association_id', '=', associationId).where('member_id', '=', memberId).execute();
  if (list.length > 0) {
    await db
      .insertInto('qualifications')
      .values(
        list.map((q) => ({
          id: newId(),
          association_id: associationId,
          member_id: memberId,
          kind: q.kind,
          achieved_on: q.achievedOn,
          expires_on: q.expiresOn,
        })),
      )
      .execute();
  }
}

/** Active admins other than the given member: the association must never lose its last one. */
export async function countOtherActiveAdmins(db: Executor, associationId: string, exceptMemberId: string): Promise<number> {
  const row = await db
    .selectFrom('members')
    .innerJoin('member_roles', 'member_roles.member_id', 'members.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('members.association_id', '=', associationId)
    .where('member_roles.role', '=', 'admin')
    .where('members.status', '=', 'active')
    .where('members.id', '!=', exceptMemberId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The member behind an account, found by account id or else by address, with the association's name (for account mail). */
export async function findAccountHolder(db: Executor, userId: string, email: string) {
  const row = await db
    .selectFrom('members')
    .innerJoin('associations', 'associations.id', 'members.association_id')
    .select(['members.id', 'members.name', 'members.email', 'members.language', 'members.association_id', 'associations.name as association_name'])
    .where((eb) => eb.or([eb('members.user_id', '=', userId), eb('members.email', '=', email.toLowerCase())]))
    .executeTakeFirst();
  return (
    row && {
      memberId: row.id,
      name: row.name,
      email: row.email,
      language: row.language as Language,
      associationId: row.association_id,
      associationName: row.association_name,
    }
  );
}
