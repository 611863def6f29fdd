/** The capture draft's rules, without a browser: what each event changes, and what a save sends. */
import { describe, expect, it } from 'vitest';
import type { Category } from '../../../shared/api/observations.js';
import { draftReducer, emptyDraft, observationOf, poorFix, type Draft, type DraftEvent } from './capture-draft.js';

const graffiti = { id: '01900000-0000-7000-8000-000000000001', code: 'graffiti', labelSv: 'Klotter', labelEn: 'Graffiti', icon: '🎨' } as Category;
const T0 = '2027-03-28T00:59:00.000Z';
const run = (events: DraftEvent[], from: Draft = emptyDraft(T0)) => events.reduce(draftReducer, from);
const fix = { lat: 59.2366, lng: 17.9818, accuracyM: 12 };

describe('the capture draft', () => {
  it('a place chosen by hand wins over a fix that arrives later, and an address only joins its own fix', () => {
    const placed = run([
      { type: 'started', category: graffiti, at: T0 },
      { type: 'placed', lat: 59.1, lng: 17.9, label: 'Storgatan 1' },
    ]);
    const late = run(
      [
        { type: 'located', fix },
        { type: 'noFix', reason: 'timeout' },
      ],
      placed,
    );
    expect(late.position).toEqual({ state: 'found', fix: { lat: 59.1, lng: 17.9, accuracyM: 0 }, address: 'Storgatan 1' });

    const found = run([{ type: 'located', fix }]);
    expect(run([{ type: 'addressFound', fix, address: 'Kommunalvägen 28' }], found).position).toMatchObject({ address: 'Kommunalvägen 28' });
    expect(run([{ type: 'addressFound', fix: { ...fix }, address: 'elsewhere' }], found).position).toMatchObject({ address: null });
    expect(poorFix(run([{ type: 'located', fix: { ...fix, accuracyM: 250 } }]))).toBe(true);
    expect(poorFix(found)).toBe(false);
  });

  it('refuses to save without a place, and words about people unless handed to the police; typing clears the refusal', () => {
    const started = run([{ type: 'started', category: graffiti, at: T0 }]);
    expect(observationOf(started, null)).toEqual({ error: 'observe.placeFirst' });
    const withName = run(
      [
        { type: 'located', fix },
        { type: 'text', text: 'Han har personnummer 19121212-1212' },
      ],
      started,
    );
    expect(observationOf(withName, null)).toEqual({ error: 'error.privacy_guard' });
    const refused = run([{ type: 'refused', error: 'error.privacy_guard' }], withName);
    expect(run([{ type: 'text', text: 'Klotter på elskåpet' }], refused).error).toBeNull();
    const handed = run(
      [
        { type: 'set', field: 'handedToPolice', value: true },
        { type: 'set', field: 'policeReference', value: ' 5000-K123-27 ' },
      ],
      withName,
    );
    expect(observationOf(handed, null)).toMatchObject({ body: { handedToPolice: true, policeReference: '5000-K123-27' } });
  });

  it('sends what the crew chose, the time set back from when they started, and then clears all but the place', () => {
    const photo = new Blob(['jpeg']);
    const blurred = new Blob(['blurred']);
    const draft = run([
      { type: 'started', category: graffiti, at: T0 },
      { type: 'located', fix },
      { type: 'set', field: 'urgency', value: 'emergency_112' },
      { type: 'set', field: 'callMadeAt', value: '2027-03-28T00:58:00.000Z' },
      { type: 'set', field: 'callReference', value: ' SOS 4711 ' },
      { type: 'set', field: 'minutesAgo', value: 15 },
      { type: 'text', text: '  Brand i containern  ' },
      { type: 'photoTaken', photo },
      { type: 'set', field: 'photo', value: blurred },
    ]);
    expect(draft.original).toBe(photo);
    expect(draft.photo).toBe(blurred);
    expect(observationOf(draft, 'shift-1')).toEqual({
      body: {
        categoryId: graffiti.id,
        urgency: 'emergency_112',
        text: 'Brand i containern',
        lat: fix.lat,
        lng: fix.lng,
        accuracyM: 12,
        observedAt: '2027-03-28T00:44:00.000Z',
        shiftId: 'shift-1',
        handedToPolice: false,
        policeReference: null,
        callMadeAt: '2027-03-28T00:58:00.000Z',
        callReference: 'SOS 4711',
        address: null,
        photosToFollow: 1,
      },
    });
    const saved = run([{ type: 'saved' }, { type: 'saved' }], draft);
    expect(saved).toMatchObject({ category: null, text: '', photo: null, original: null, callMadeAt: null, urgency: 'needs_action', saved: 2 });
    expect(saved.position).toEqual(draft.position);
    // A new category starts the clock again and hides the last "saved".
    expect(run([{ type: 'started', category: graffiti, at: '2027-03-28T01:30:00.000Z' }], saved)).toMatchObject({ minutesAgo: 0, saved: 0 });
  });
});
