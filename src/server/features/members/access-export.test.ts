/**
 * The access export, read back with Info-ZIP's unzip (an independent reader):
 * a member downloads everything held about them; an admin makes one for a
 * member, audited; nobody else can, and nothing of another member or another
 * association is in it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, withTestAssociation, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { seedAgedData, type AgedData } from '../../../../test/retention-fixture.js';

let t: TestApp;
let a: TestAssociation;
let vera: TestMember;
let colleague: TestMember;
let veras: AgedData;

withTestAssociation((app, association) => {
  t = app;
  a = association;
});
beforeAll(async () => {
  vera = await addMember(t, a.associationId, ['volunteer', 'driver'], { name: 'Vera Volontär', language: 'sv' });
  colleague = await addMember(t, a.associationId, ['volunteer'], { name: 'Kalle Kollega' });
  await call(t, a.admin.cookie, 'PATCH', `/api/members/${vera.memberId}`, {
    phone: '070-111 22 33',
    qualifications: [{ kind: 'driving_licence_checked', achievedOn: '2025-03-01', expiresOn: null }],
  });
  veras = await seedAgedData(t.ctx, a.associationId, vera.memberId, new Date(), 'v');
  await seedAgedData(t.ctx, a.associationId, colleague.memberId, new Date(), 'k');
  const other = await addAssociation(t, 'Grannstöd Annat');
  const stranger = await addMember(t, other.associationId, ['volunteer'], { name: 'Sture Främling' });
  await seedAgedData(t.ctx, other.associationId, stranger.memberId, new Date(), 's');
});

/** The ZIP as unzip reads it: its file list, and each file's text. */
function unzip(body: Buffer): { files: string[]; read: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'grannstod-export-'));
  const file = join(dir, 'export.zip');
  writeFileSync(file, body);
  expect(execFileSync('unzip', ['-t', file]).toString()).toContain('No errors detected');
  const files = execFileSync('unzip', ['-Z1', file]).toString().trim().split('\n');
  return { files, read: (name) => execFileSync('unzip', ['-p', file, name]).toString('utf8') };
}

const fetchZip = async (cookie: string, url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  return { res, body: res.rawPayload };
};

describe('the access export', () => {
  it('gives a member everything held about them, readable and as JSON, with their photos', async () => {
    const { res, body } = await fetchZip(vera.cookie, '/api/me/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="registerutdrag-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const zip = unzip(body);
    expect(zip.files).toEqual(expect.arrayContaining(['data.json', 'sammanfattning.html']));
    expect(zip.files.filter((f) => f.startsWith('photos/'))).toHaveLength(3);
    const data = JSON.parse(zip.read('data.json'));
    expect(data.profile).toMatchObject({ name: 'Vera Volontär', email: vera.email, phone: '070-111 22 33', kind: 'volunteer' });
    expect(data.roles.sort()).toEqual(['driver', 'volunteer']);
    expect(data.qualifications).toEqual([{ kind: 'driving_licence_checked', achievedOn: '2025-03-01', expiresOn: null }]);
    expect(data.observations.map((o: { text: string }) => o.text).sort()).toEqual(['Klotter old v', 'Klotter recent v']);
    expect(data.routes).toHaveLength(2);
    expect(data.audit.some((e: { action: string }) => e.action === 'member.update')).toBe(true);
    expect(data.mails.length).toBeGreaterThanOrEqual(0);
    // Nobody else's.
    const all = zip.read('data.json') + zip.read('sammanfattning.html');
    expect(all).not.toMatch(/Kalle|Klotter old k|Sture|Klotter old s/);
    const html = zip.read('sammanfattning.html');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Uppgifter om Vera Volontär i Grannstöd Test');
    expect(html).toContain('Observationer du gjorde (2 st)');
    expect(await t.ctx.files.get(veras.recent.photo)).not.toBeNull();
  });

  it('is made by an admin for a member on request, audited; a colleague or a coordinator may not', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/members/${vera.memberId}/export`, headers: { cookie: colleague.cookie } })).statusCode).toBe(403);
    const coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator']);
    expect((await t.app.inject({ method: 'GET', url: `/api/members/${vera.memberId}/export`, headers: { cookie: coordinator.cookie } })).statusCode).toBe(403);
    const { res, body } = await fetchZip(a.admin.cookie, `/api/members/${vera.memberId}/export`);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(unzip(body).read('data.json')).profile.name).toBe('Vera Volontär');
    const audit = (await call(t, a.admin.cookie, 'GET', `/api/audit?entityId=${vera.memberId}&action=member.export`)).json();
    expect(audit).toHaveLength(1);
    // Another association's admin finds no such member.
    const other = await addAssociation(t, 'Grannstöd Tredje');
    expect((await t.app.inject({ method: 'GET', url: `/api/members/${vera.memberId}/export`, headers: { cookie: other.admin.cookie } })).statusCode).toBe(404);
  });
});
