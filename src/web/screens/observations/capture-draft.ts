/**
 * The capture screen's draft: one state and the events that change it, in place of a
 * dozen separate useStates whose resets had to be kept in step by hand. Pure, so the
 * rules (a place chosen by hand wins over a late fix; typing clears the refusal; a
 * cancel keeps the position and the "saved" count) are tested without a browser.
 */
import type { Urgency } from '../../../shared/domain/categories.js';
import type { Category, ObservationPut } from '../../../shared/api/observations.js';
import { findSensitive } from '../../../shared/domain/privacy.js';
import type { MessageKey } from '../../../shared/i18n/translate.js';
import type { Fix } from './device.js';

export type Position = { state: 'finding' } | { state: 'found'; fix: Fix; address: string | null } | { state: 'none'; reason: string };

export interface Draft {
  category: Category | null;
  urgency: Urgency;
  text: string;
  /** The photo to send: the downscaled one, blurred where the crew blurred it. */
  photo: Blob | null;
  /** The downscaled photo before any blurring; the blur tool always starts from it. */
  original: Blob | null;
  handedToPolice: boolean;
  policeReference: string;
  callMadeAt: string | null;
  callReference: string;
  position: Position;
  /** When the category was chosen; minutesAgo sets the time seen back from it. */
  startedAt: string;
  minutesAgo: number;
  /** The recipient already has an open item nearby: saving adds to it. */
  nearby: boolean;
  /** The pin map is open. */
  moving: boolean;
  error: MessageKey | null;
  /** Counts saves, so the "saved" message is announced and focused again after each one. */
  saved: number;
}

export type DraftEvent =
  | { type: 'started'; category: Category; at: string }
  | { type: 'locating' }
  | { type: 'located'; fix: Fix }
  | { type: 'addressFound'; fix: Fix; address: string | null }
  | { type: 'noFix'; reason: string }
  | { type: 'placed'; lat: number; lng: number; label: string | null }
  | { type: 'text'; text: string }
  | { type: 'photoTaken'; photo: Blob }
  | SetField
  | { type: 'refused'; error: MessageKey }
  | { type: 'cancelled' }
  | { type: 'saved' };

/** Fields that change alone, by no rule of the draft's: the photo as blurred, the urgency, the 112 call, the pin map… */
type PlainField = 'urgency' | 'photo' | 'handedToPolice' | 'policeReference' | 'callMadeAt' | 'callReference' | 'minutesAgo' | 'nearby' | 'moving';
type SetField = { [K in PlainField]: { type: 'set'; field: K; value: Draft[K] } }[PlainField];

const byHand = (p: Position) => p.state === 'found' && p.fix.accuracyM === 0;

/** The observation's own fields, as a new draft has them and as a cancel or a save leaves them. */
const blank = {
  category: null,
  urgency: 'needs_action',
  text: '',
  photo: null,
  original: null,
  handedToPolice: false,
  policeReference: '',
  callMadeAt: null,
  callReference: '',
  nearby: false,
  moving: false,
} satisfies Partial<Draft>;

export const emptyDraft = (at: string): Draft => ({ ...blank, position: { state: 'finding' }, startedAt: at, minutesAgo: 0, error: null, saved: 0 });

/** What a cancel or a save clears: the observation's own fields. The position, the time and the saved count stay. */
const cleared = (d: Draft): Draft => ({ ...d, ...blank });

export function draftReducer(d: Draft, e: DraftEvent): Draft {
  switch (e.type) {
    case 'started':
      return { ...d, category: e.category, startedAt: e.at, minutesAgo: 0, saved: 0, error: null };
    case 'locating':
      return { ...d, position: { state: 'finding' } };
    case 'located':
      // A place the crew chose by hand while the phone was still looking wins over a late fix.
      return byHand(d.position) ? d : { ...d, position: { state: 'found', fix: e.fix, address: null } };
    case 'addressFound':
      // Only for the fix it was asked for: a newer fix or a place chosen by hand has moved on.
      return d.position.state === 'found' && d.position.fix === e.fix ? { ...d, position: { ...d.position, address: e.address } } : d;
    case 'noFix':
      return byHand(d.position) ? d : { ...d, position: { state: 'none', reason: e.reason } };
    case 'placed':
      // Placed by hand: the phone's accuracy says nothing any more, and "choose the place first" no longer applies.
      return { ...d, position: { state: 'found', fix: { lat: e.lat, lng: e.lng, accuracyM: 0 }, address: e.label }, error: null };
    case 'set':
      return { ...d, [e.field]: e.value };
    case 'text':
      // The refusal shown at the last save no longer applies to what is being typed now.
      return { ...d, text: e.text, error: null };
    case 'photoTaken':
      return { ...d, photo: e.photo, original: e.photo };
    case 'refused':
      return { ...d, error: e.error };
    case 'cancelled':
      return cleared(d);
    case 'saved':
      return { ...cleared(d), error: null, saved: d.saved + 1 };
  }
}

/** A fix worse than this is not trusted by itself: the crew is offered the map and the address search. */
export const POOR_FIX_M = 100;
export const poorFix = (d: Draft) => d.position.state === 'found' && d.position.fix.accuracyM > POOR_FIX_M;

/** The observation to save from the draft, or why it cannot be saved yet. */
export function observationOf(d: Draft, shiftId: string | null): { body: ObservationPut } | { error: MessageKey } {
  if (d.position.state !== 'found') return { error: 'observe.placeFirst' };
  if (findSensitive(d.text).length > 0 && !d.handedToPolice) return { error: 'error.privacy_guard' };
  const { fix, address } = d.position;
  return {
    body: {
      categoryId: d.category!.id,
      urgency: d.urgency,
      text: d.text.trim() || null,
      lat: fix.lat,
      lng: fix.lng,
      accuracyM: fix.accuracyM,
      observedAt: new Date(new Date(d.startedAt).getTime() - d.minutesAgo * 60_000).toISOString(),
      shiftId,
      handedToPolice: d.handedToPolice,
      policeReference: d.handedToPolice ? d.policeReference.trim() || null : null,
      callMadeAt: d.callMadeAt,
      callReference: d.callMadeAt ? d.callReference.trim() || null : null,
      address,
      // Routing waits a while for the photo, so it reaches the recipient with the observation.
      photosToFollow: d.photo ? 1 : 0,
    },
  };
}
