/**
 * Partners answer in the app: a member of the municipality's partner account
 * answers an item sent to the municipality, as the recipient would through
 * the mailed link. Not an item addressed elsewhere, not a closed one again,
 * not a state only the association sets; audited with who gave it.
 */
import { describe, expect, it } from 'vitest';
import { addAssociation, addMember, type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { newId } from '../../platform/db/ids.js';
import { routePending } from './routing-sweep.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

async function setUp(a: TestAssociation) {
  const org = (await call(t, a.admin.cookie, 'POST', '/api/partner-organisations', { name: 'Huddinge kommun', kind: 'municipality' })).json().id as string;
  const other = (await call(t, a.admin.cookie, 'POST', '/api/partner-organisations', { name: 'Polisen', kind: 'police' })).json().id as string;
  const kommunen = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: org });
  const polisen = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: other });
  const recipient = (
    await call(t, a.admin.cookie, 'POST', '/api/recipients', {
      name: 'Huddinge kommun',
      kind: 'municipality',
      channel: 'manual',
      manualInstructions: 'Ring',
      partnerOrganisationId: org,
    })
  ).json().id as string;
  const categories = (await call(t, a.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
  const dumping = categories.find((c) => c.code === 'dumping')!.id;
  await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId: dumping, recipientId: recipient });
  const observationId = newId();
  await call(t, a.admin.cookie, 'PUT', `/api/observations/${observationId}`, {
    categoryId: dumping,
    urgency: 'needs_action',
    lat: 59.253,
    lng: 17.994,
    observedAt: new Date(Date.now() - 60_000).toISOString(),
  });
  await routePending(t.ctx);
  const [item] = (await call(t, a.admin.cookie, 'GET', `/api/action-items?observationId=${observationId}`)).json() as { id: string }[];
  return { kommunen, polisen, itemId: item!.id };
}

describe('a partner answers in the app', () => {
  it('records the answer as the recipient’s, closes the item, and keeps it closed', async () => {
    const { kommunen, polisen, itemId } = await setUp(a);
    const answer = (body: object, who = kommunen) => call(t, who.cookie, 'POST', `/api/action-items/${itemId}/answer`, body);

    const working = await answer({ state: 'in_progress', externalReference: 'KS-2026-118', note: 'Beställt hämtning.' });
    expect(working.statusCode).toBe(200);
    expect(working.json()).toMatchObject({ state: 'in_progress', externalReference: 'KS-2026-118' });
    const last = working.json().events.at(-1);
    expect(last).toMatchObject({ kind: 'answered', state: 'in_progress', by: 'recipient', note: 'Beställt hämtning.' });

    // The association's own states are not the partner's to set; nothing changes.
    const refused = await answer({ state: 'sent' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('state');

    // Another partner does not even see it; a volunteer may not answer.
    expect((await answer({ state: 'resolved' }, polisen)).statusCode).toBe(404);
    const volunteer = await addMember(t, a.associationId, ['volunteer']);
    expect((await answer({ state: 'resolved' }, volunteer)).statusCode).toBe(403);

    expect((await answer({ state: 'resolved', note: 'Hämtat.' })).json().state).toBe('resolved');
    // Closed by the recipient: only the association reopens it.
    expect((await answer({ state: 'in_progress' })).statusCode).toBe(409);
    expect((await call(t, a.admin.cookie, 'GET', `/api/action-items/${itemId}`)).json().state).toBe('resolved');

    // A partner of another association cannot reach this item, nor this partner theirs.
    const b = await setUp(await addAssociation(t, 'Grannstöd B'));
    expect((await answer({ state: 'resolved' }, b.kommunen)).statusCode).toBe(404);
    expect((await call(t, kommunen.cookie, 'POST', `/api/action-items/${b.itemId}/answer`, { state: 'resolved' })).statusCode).toBe(404);

    const audit = (await call(t, a.admin.cookie, 'GET', '/api/audit?action=action_item.answer')).json() as { actorMemberId: string; entityId: string }[];
    expect(audit.map((e) => [e.entityId, e.actorMemberId])).toEqual([
      [itemId, kommunen.memberId],
      [itemId, kommunen.memberId],
    ]);
  });
});
