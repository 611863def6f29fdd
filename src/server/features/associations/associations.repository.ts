/** All SQL about associations, their partner organisations, areas and cars. */
import { newId } from '../../platform/db/ids.js';
import type { PartnerKind } from '../../../shared/domain/roles.js';
import type { Language } from '../../../shared/i18n/translate.js';
import type { Executor } from '../../platform/db/database.js';

export interface AssociationRecord {
  id: string;
  name: string;
  municipality: string;
  defaultLanguage: Language;
  requireTwoFactor: boolean;
  /** Shift rules: sign-up closes this many hours before a shift; a later withdrawal tells the coordinators. */
  signupClosesHours: number;
  withdrawDeadlineHours: number;
  /** A shift not checked in this long after its start is flagged. */
  checkinGraceMinutes: number;
  /** Free, qualified members are asked to step in this many days before a short shift. */
  shortShiftNoticeDays: number;
  /** Where the weekly EST report goes; null: none is sent. */
  estEmail: string | null;
  /** Reply-To of the association's mail. */
  contactEmail: string | null;
  /** A public page of counts per coarse square and category. */
  publicPage: boolean;
}

export type ShiftRules = Pick<AssociationRecord, 'signupClosesHours' | 'withdrawDeadlineHours' | 'checkinGraceMinutes' | 'shortShiftNoticeDays'>;
export type AssociationChanges = Partial<
  Pick<AssociationRecord, 'name' | 'municipality' | 'requireTwoFactor' | 'estEmail' | 'contactEmail' | 'publicPage'> & ShiftRules
>;

export interface PartnerOrganisationRecord {
  id: string;
  name: string;
  kind: PartnerKind;
}

export async function countAssociations(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('associations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAssociation(db: Executor, a: { name: string; municipality: string; defaultLanguage: Language; now: string }): Promise<string> {
  const id = newId();
  await db
    .insertInto('associations')
    .values({
      id,
      name: a.name,
      municipality: a.municipality,
      default_language: a.defaultLanguage,
      require_two_factor: 0,
      created_at: a.now,
      updated_at: a.now,
    })
    .execute();
  return id;
}

export async function findAssociation(db: Executor, id: string): Promise<AssociationRecord | undefined> {
  const row = await db.selectFrom('associations').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      name: row.name,
      municipality: row.municipality,
      defaultLanguage: row.default_language as Language,
      requireTwoFactor: row.require_two_factor === 1,
      signupClosesHours: row.signup_closes_hours,
      withdrawDeadlineHours: row.withdraw_deadline_hours,
      checkinGraceMinutes: row.checkin_grace_minutes,
      shortShiftNoticeDays: row.short_shift_notice_days,
      estEmail: row.est_email,
      contactEmail: row.contact_email,
      publicPage: row.public_page === 1,
    }
  );
}

export async function updateAssociation(db: Executor, id: string, changes: AssociationChanges, now: string): Promise<void> {
  await db
    .updateTable('associations')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.municipality !== undefined && { municipality: changes.municipality }),
      ...(changes.requireTwoFactor !== undefined && { require_two_factor: changes.requireTwoFactor ? 1 : 0 }),
      ...(changes.signupClosesHours !== undefined && { signup_closes_hours: changes.signupClosesHours }),
      ...(changes.withdrawDeadlineHours !== undefined && { withdraw_deadline_hours: changes.withdrawDeadlineHours }),
      ...(changes.checkinGraceMinutes !== undefined && { checkin_grace_minutes: changes.checkinGraceMinutes }),
      ...(changes.shortShiftNoticeDays !== undefined && { short_shift_notice_days: changes.shortShiftNoticeDays }),
      ...(changes.estEmail !== undefined && { est_email: changes.estEmail }),
      ...(changes.contactEmail !== undefined && { contact_email: changes.contactEmail }),
      ...(changes.publicPage !== undefined && { public_page: changes.publicPage ? 1 : 0 }),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function listPartnerOrganisations(db: Executor, associationId: string): Promise<PartnerOrganisationRecord[]> {
  const rows = await db
    .selectFrom('partner_organisations')
    .select(['id', 'name', 'kind'])
    .where('association_id', '=', associationId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind as PartnerKind }));
}

export async function findPartnerOrganisation(db: Executor, associationId: string, id: string): Promise<PartnerOrganisationRecord | undefined> {
  const r = await db
    .selectFrom('partner_organisations')
    .select(['id', 'name', 'kind'])
    .where('association_id', '=', associationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, name: r.name, kind: r.kind as PartnerKind };
}

export async function insertPartnerOrganisation(db: Executor, associationId: string, p: { name: string; kind: PartnerKind; now: string }): Promise<string> {
  const id = newId();
  await db.insertInto('partner_organisations').values({ id, association_id: associationId, name: p.name, kind: p.kind, created_at: p.now }).execute();
  return id;
}

export async function listAreas(db: Executor, associationId: string) {
  const rows = await db.selectFrom('areas').select(['id', 'name', 'geojson']).where('association_id', '=', associationId).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, geometry: JSON.parse(r.geojson) as unknown }));
}

export async function insertArea(db: Executor, associationId: string, a: { name: string; geometry: unknown; now: string }): Promise<string> {
  const id = newId();
  await db
    .insertInto('areas')
    .values({ id, association_id: associationId, name: a.name, geojson: JSON.stringify(a.geometry), created_at: a.now })
    .execute();
  return id;
}

/** Claims first-run setup; throws a unique violation when it was already claimed. */
export async function claimInstallation(db: Executor, now: string): Promise<void> {
  await db.insertInto('installation').values({ id: 1, set_up_at: now }).execute();
}
