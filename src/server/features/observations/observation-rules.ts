/** The checks an observation must pass before it is kept: place, time, category, shift and the privacy guard. */
import { AppError, type FieldError } from '../../platform/errors.js';
import { contains, distanceToGeometryKm } from '../../../shared/domain/geo.js';
import { areasOf, categoriesOf, type AreaShape } from './reference-cache.js';
import type { CategoryRow } from './categories.repository.js';
import { findSensitive } from '../../../shared/domain/privacy.js';
import type { MessageKey } from '../../../shared/i18n/translate.js';
import { rodeShift } from './observations.repository.js';
import { shiftVehicle } from './neighbours.repository.js';
import type { Executor } from '../../platform/db/database.js';

/** A position this far from every area of the association is a mistake (a wrong sign, a stale fix), not a patrol. */
const FAR_AWAY_KM = 50;
/** Clocks on phones drift; a little future is tolerated, more is refused. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
/** An observation queued offline may arrive late, but not months late. */
const OLDEST_DAYS = 90;

const invalid = (field: string, message: MessageKey = 'error.field.invalid'): AppError => new AppError('validation', [{ field, message }]);

export function assertObservedAt(observedAt: string, now: Date): void {
  const t = Date.parse(observedAt);
  if (t > now.getTime() + FUTURE_TOLERANCE_MS) throw invalid('observedAt', 'error.field.in_future');
  if (t < now.getTime() - OLDEST_DAYS * 86_400_000) throw invalid('observedAt', 'error.field.too_old');
}

/** The association's category, enabled. */
export async function assertCategory(db: Executor, associationId: string, categoryId: string): Promise<CategoryRow> {
  const c = (await categoriesOf(db, associationId)).get(categoryId);
  if (!c || c.enabled !== 1) throw invalid('categoryId');
  return c;
}

/** The area the position lies in, if any; refuses a position far from all of the association's areas. */
export async function placeOf(db: Executor, associationId: string, lat: number, lng: number): Promise<AreaShape | null> {
  const shapes = await areasOf(db, associationId);
  if (shapes.length === 0) return null;
  const inside = shapes.find((s) => contains(s.geometry, lat, lng));
  if (inside) return inside;
  // Areas without vertices (not drawn yet) say nothing about where the association is.
  const distances = shapes.map((s) => distanceToGeometryKm(s.geometry, lat, lng)).filter(Number.isFinite);
  if (distances.length > 0 && Math.min(...distances) > FAR_AWAY_KM) throw new AppError('validation', [{ field: 'lat', message: 'error.field.far_away' }]);
  return null;
}

/** The shift the observation belongs to: the association's, and one the author rides (or a coordinator's). Gives its car. */
export async function shiftOf(db: Executor, associationId: string, shiftId: string | null, memberId: string, staff: boolean): Promise<string | null> {
  if (!shiftId) return null;
  const shift = await shiftVehicle(db, associationId, shiftId);
  if (!shift) throw invalid('shiftId');
  if (!staff && !(await rodeShift(db, shiftId, memberId))) throw invalid('shiftId');
  return shift.vehicle_id;
}

/**
 * GDPR Art. 10: no personal identity numbers, plates, phone numbers or e-mail
 * addresses in what the association keeps. Refused, naming what was found,
 * unless the crew handed it to the police, in which case the text is not kept.
 */
export function guardText(text: string | null, handedToPolice: boolean): string | null {
  if (!text) return null;
  if (handedToPolice) return findSensitive(text).length ? null : text;
  guardFields({ text });
  return text;
}

/**
 * The privacy guard for free text from anywhere (the app, a partner's Open311 request): a place and a thing,
 * never a person. Refuses, with each field and kind of personal data found, rather than store any of it.
 */
export function guardFields(texts: Record<string, string | null>): void {
  const fields: FieldError[] = Object.entries(texts).flatMap(([field, text]) =>
    [...new Set((text ? findSensitive(text) : []).map((f) => f.kind))].map((kind) => ({ field, message: `error.privacy.${kind}` as MessageKey })),
  );
  if (fields.length) throw new AppError('privacy_guard', fields);
}
