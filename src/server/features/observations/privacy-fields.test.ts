/**
 * The privacy guard on every free text the association keeps, not only the
 * observation's words: addresses, police and call references, a shift's notes,
 * briefing and summary, a coordinator's item notes and references, re-check
 * notes. Each is refused with 422, the field named and the kind found, before
 * anything is written; case numbers and street addresses pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, withTestAssociation, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { uuidv7 } from '../../../shared/domain/ids.js';

let t: TestApp;
let a: TestAssociation;
let coordinator: TestMember;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});
beforeAll(async () => {
  coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator', 'shift_leader']);
});

const observation = {
  categoryId: uuidv7(),
  urgency: 'needs_action',
  lat: 59.237,
  lng: 17.982,
  observedAt: '2026-11-27T10:00:00.000Z',
};
const id = () => uuidv7();
const phone = 'ring 070-123 45 67';
const plate = 'bilen ABC–123';
const pnr = 'pnr 811228-9874';
const mail = 'namn [at] example.se';

const cases: [name: string, method: 'PUT' | 'PATCH' | 'POST', url: () => string, body: object, field: string, kind: string][] = [
  ['observation address', 'PUT', () => `/api/observations/${id()}`, { ...observation, address: `Storgatan 1, ${phone}` }, 'address', 'A phone number'],
  [
    'police reference',
    'PUT',
    () => `/api/observations/${id()}`,
    { ...observation, handedToPolice: true, policeReference: plate },
    'policeReference',
    'A licence plate',
  ],
  [
    '112 call reference',
    'PUT',
    () => `/api/observations/${id()}`,
    { ...observation, callMadeAt: observation.observedAt, callReference: pnr },
    'callReference',
    'A personal identity number',
  ],
  ['police reference, changed', 'PATCH', () => `/api/observations/${id()}`, { policeReference: mail }, 'policeReference', 'An e-mail address'],
  [
    'one-off shift note',
    'POST',
    () => '/api/shifts',
    { vehicleId: id(), startDate: '2026-12-10', startTime: '09:00', endDate: '2026-12-10', endTime: '13:00', note: phone },
    'note',
    'A phone number',
  ],
  [
    'check-in briefing note',
    'POST',
    () => `/api/shifts/${id()}/check-in`,
    { presentMemberIds: [id()], driverMemberId: id(), odometerStartKm: 1, briefingNote: pnr },
    'briefingNote',
    'A personal identity number',
  ],
  [
    'check-in start place',
    'POST',
    () => `/api/shifts/${id()}/check-in`,
    { presentMemberIds: [id()], driverMemberId: id(), odometerStartKm: 1, startPlace: plate },
    'startPlace',
    'A licence plate',
  ],
  ['check-out summary', 'POST', () => `/api/shifts/${id()}/check-out`, { odometerEndKm: 2, summary: `Lugnt. ${mail}` }, 'summary', 'An e-mail address'],
  ['run correction summary', 'PATCH', () => `/api/shifts/${id()}/run`, { reason: 'Fel i summeringen', summary: phone }, 'summary', 'A phone number'],
  ['item note', 'PATCH', () => `/api/action-items/${id()}`, { state: 'acknowledged', note: `Ringde ${phone}` }, 'note', 'A phone number'],
  ['item reference', 'PATCH', () => `/api/action-items/${id()}`, { externalReference: plate }, 'externalReference', 'A licence plate'],
  ['withdrawal note', 'POST', () => `/api/action-items/${id()}/withdraw`, { note: pnr }, 'note', 'A personal identity number'],
  ['re-check note', 'POST', () => `/api/action-items/${id()}/recheck`, { result: 'still_there', note: plate }, 'note', 'A licence plate'],
];

describe('the privacy guard on every free text', () => {
  it.each(cases)('refuses personal data in the %s, naming the field and the kind', async (_name, method, url, body, field, kind) => {
    const res = await call(t, coordinator.cookie, method, url(), body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toContainEqual({ field, message: kind });
  });

  it('lets case numbers, street addresses and times through', async () => {
    const res = await call(t, coordinator.cookie, 'PATCH', `/api/action-items/${id()}`, {
      externalReference: 'K123456-26',
      note: 'Storgatan 12, 141 35 Huddinge, kl 14.30',
    });
    // Past the guard: the item does not exist.
    expect(res.statusCode).toBe(404);
  });
});
