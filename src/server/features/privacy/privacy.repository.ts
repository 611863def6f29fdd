/** What one association holds, counted table by table, for its records of processing and privacy notice. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;
const n = sql<number>`count(*)`.as('n');
const num = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

/** Rows held now, per data category of the records (shared/domain/privacy-records.ts). */
export async function heldCounts(db: Db, a: string) {
  const [members, partners, invited, qualifications, shifts, crew, observations, texts, photos, routes, items, notes, mails, audit] = await Promise.all([
    db.selectFrom('members').select(n).where('association_id', '=', a).where('kind', '=', 'volunteer').where('status', '!=', 'anonymised').executeTakeFirst(),
    db.selectFrom('members').select(n).where('association_id', '=', a).where('kind', '=', 'partner').where('status', '!=', 'anonymised').executeTakeFirst(),
    db.selectFrom('invitations').select(n).where('association_id', '=', a).executeTakeFirst(),
    db.selectFrom('qualifications').select(n).where('association_id', '=', a).executeTakeFirst(),
    db.selectFrom('shifts').select(n).where('association_id', '=', a).executeTakeFirst(),
    db.selectFrom('shift_crew').select(n).where('association_id', '=', a).executeTakeFirst(),
    db.selectFrom('observations').select(n).where('association_id', '=', a).executeTakeFirst(),
    db.selectFrom('observations').select(n).where('association_id', '=', a).where('text', 'is not', null).executeTakeFirst(),
    db.selectFrom('observation_photos').select(n).where('association_id', '=', a).executeTakeFirst(),
    db.selectFrom('track_segments').select(n).where('association_id', '=', a).executeTakeFirst(),
    db.selectFrom('action_items').select(n).where('association_id', '=', a).executeTakeFirst(),
    db.selectFrom('action_item_events').select(n).where('association_id', '=', a).where('note', 'is not', null).executeTakeFirst(),
    db.selectFrom('mail_outbox').select(n).where('association_id', '=', a).where('to_address', '<>', '').executeTakeFirst(),
    db.selectFrom('audit_log').select(n).where('association_id', '=', a).executeTakeFirst(),
  ]);
  return {
    members: num(members),
    partners: num(partners),
    invitations: num(invited),
    qualifications: num(qualifications),
    shifts: num(shifts),
    crewSeats: num(crew),
    observations: num(observations),
    observationTexts: num(texts),
    photos: num(photos),
    routes: num(routes),
    items: num(items),
    itemNotes: num(notes),
    mails: num(mails),
    audit: num(audit),
  };
}

/** Who the association's items go to, and the partner organisations whose people sign in. */
export async function recipientsOf(db: Db, a: string) {
  const [recipients, partners] = await Promise.all([
    db.selectFrom('recipients').select(['name', 'kind', 'channel']).where('association_id', '=', a).where('active', '=', 1).orderBy('name').execute(),
    db.selectFrom('partner_organisations').select(['name', 'kind']).where('association_id', '=', a).orderBy('name').execute(),
  ]);
  return { recipients, partners };
}
