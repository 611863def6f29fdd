/**
 * Upgrading a database from before migration 0010: links that grant access in
 * mails already stored are hidden, except in mails still waiting to go out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { migrator } from './migrate.js';

let database: TestDatabase;
let handle: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  handle = openDatabase(database.url);
  const to = await migrator(handle.db).migrateTo('0009_dashboard_index');
  expect(to.error).toBeUndefined();
});
afterAll(async () => {
  await handle.close();
  await database.drop();
});

const at = '2026-11-01T10:00:00.000Z';
const mail = (id: string, status: string, text: string) => ({
  id,
  association_id: null,
  to_address: 'vera@example.se',
  language: 'sv',
  subject: 'Ämne',
  text_body: text,
  html_body: `<p><a href="${text.split(': ')[1]}">Öppna</a></p>`,
  status,
  attempts: 0,
  last_error: null,
  next_attempt_at: at,
  created_at: at,
  sent_at: null,
  attachments: null,
});

describe('migration 0010', () => {
  it('hides one-time links in stored mails, keeps them in mails on their way, and leaves other links', async () => {
    await handle.db
      .insertInto('mail_outbox')
      .values([
        mail('kept-reset', 'kept', 'Nytt lösenord: https://grannstod.example.se/reset-password?token=SECRET1'),
        mail('sent-invite', 'sent', 'Skapa ditt konto: https://grannstod.example.se/invite?token=SECRET2'),
        mail('sent-answer', 'sent', 'Svara: https://grannstod.example.se/svar/0192.SECRET3'),
        mail('waiting-reset', 'pending', 'Nytt lösenord: https://grannstod.example.se/reset-password?token=SECRET4'),
        mail('sent-map', 'sent', 'Karta: https://www.openstreetmap.org/?mlat=59.2&mlon=17.9'),
      ] as never)
      .execute();
    const up = await migrator(handle.db).migrateTo('0010_sealed_mail_links');
    expect(up.error).toBeUndefined();
    const rows = await handle.db.selectFrom('mail_outbox').select(['id', 'text_body', 'html_body']).orderBy('id').execute();
    const byId = Object.fromEntries(rows.map((r) => [r.id, `${r.text_body} ${r.html_body}`]));
    for (const id of ['kept-reset', 'sent-invite', 'sent-answer']) {
      expect(byId[id]).not.toMatch(/SECRET/);
      expect(byId[id]).toContain('[[hidden-link]]');
    }
    expect(byId['waiting-reset']).toContain('SECRET4');
    expect(byId['sent-map']).toContain('https://www.openstreetmap.org/?mlat=59.2&mlon=17.9');
  });
});
