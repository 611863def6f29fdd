/**
 * Upgrading a database from before migration 0016: every item gets its first
 * deadline, and one reminded before the upgrade is overdue by it again.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { migrator } from './migrate.js';
import { isOverdue } from '../../../shared/domain/action-items.js';

let database: TestDatabase;
let handle: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  handle = openDatabase(database.url);
  const to = await migrator(handle.db).migrateTo('0015_association_contact_email');
  expect(to.error).toBeUndefined();
});
afterAll(async () => {
  await handle.close();
  await database.drop();
});

const at = '2026-03-01T08:00:00.000Z';
const item = (id: string, sent: string, due: string, reminded: string | null) => ({
  id,
  association_id: 'a',
  recipient_id: 'r',
  category_id: 'c',
  state: 'sent',
  urgent: 0,
  lat: 59.2,
  lng: 17.9,
  external_reference: null,
  delivery_error: null,
  open311_request_id: null,
  open311_token: null,
  sent_at: sent,
  due_at: due,
  answered_at: null,
  closed_at: null,
  reminded_at: reminded,
  escalated_at: null,
  recheck_due_at: null,
  rechecked_at: null,
  created_at: sent,
  updated_at: sent,
});

describe('migration 0016', () => {
  it('keeps each item’s first deadline, so a reminder made before the upgrade no longer hides that it passed', async () => {
    // The schema before 0016 has no first_due_at: rows are written as the tables then were.
    const db = handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db
      .insertInto('associations')
      .values({ id: 'a', name: 'A', municipality: 'Huddinge', default_language: 'sv', require_two_factor: 0, created_at: at, updated_at: at })
      .execute();
    await db
      .insertInto('observation_categories')
      .values({
        id: 'c',
        association_id: 'a',
        code: 'graffiti',
        label_sv: 'Klotter',
        label_en: 'Graffiti',
        icon: 'x',
        sort_order: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('recipients')
      .values({
        id: 'r',
        association_id: 'a',
        name: 'Huddinge kommun',
        kind: 'municipality',
        language: 'sv',
        response_days: 14,
        channel: 'email',
        email: 'k@example.se',
        delivery: 'each',
        open311_service_codes: '{}',
        contacts: '[]',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('action_items')
      .values([
        // Sent 1 March, due 15 March, reminded 16 March with a new deadline far ahead.
        item('reminded', '2026-03-01T08:00:00.000Z', '2099-03-30T08:00:00.000Z', '2026-03-16T02:00:00.000Z'),
        item('plain', '2026-03-02T08:00:00.000Z', '2026-03-16T08:00:00.000Z', null),
      ])
      .execute();
    const up = await migrator(handle.db).migrateTo('0016_first_deadline');
    expect(up.error).toBeUndefined();
    const rows = (await db.selectFrom('action_items').select(['id', 'state', 'due_at', 'first_due_at', 'answered_at']).orderBy('id').execute()) as {
      id: string;
      state: string;
      due_at: string;
      first_due_at: string;
      answered_at: null;
    }[];
    expect(rows.map((r) => [r.id, r.first_due_at])).toEqual([
      ['plain', '2026-03-16T08:00:00.000Z'],
      ['reminded', '2026-03-15T08:00:00.000Z'],
    ]);
    const now = new Date('2026-04-01T00:00:00.000Z');
    for (const r of rows) expect(isOverdue({ state: r.state, dueAt: r.due_at, firstDueAt: r.first_due_at, answeredAt: r.answered_at }, now)).toBe(true);
  });
});
