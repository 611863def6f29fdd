/** The checks an observation must pass before it is kept: place, time, category, shift and the privacy guard. */
import { AppError, type FieldError } from '../../platform/errors.js';
import { contains, distanceToGeometryKm } from '../../../shared/domain/geo.js';
import { areasOf, categoriesOf, type AreaShape } from './reference-cache.js';
import type { CategoryRow } from './categories.repository.js';
import { findSensitive } from '../../../shared/domain/privacy.js';
import type { MessageKey } from '../../../shared/i18n/translate.js';
import { rodeShift } from './observations.repository.js';
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
  const shift = await db.selectFrom('shifts').select(['vehicle_id']).where('association_id', '=', associationId).where('id', '=', shiftId).executeTakeFirst();
  if (!shift) throw invalid('shiftId');
  if (!staff && !(await rodeShift(db, shiftId, memberId))) throw invalid('shiftId');
  return shift.vehicle_id;
}

/**
 * The shift a crew member was out on when they saw it: checked in by then and
 * not yet checked out. A capture from any screen (the home screen, offline
 * and sent later) belongs to it, so the shift's count is true.
 */
export function runningShiftAt(db: Executor, associationId: string, memberId: string, at: string) {
  return db
    .selectFrom('shifts')
    .innerJoin('shift_crew', 'shift_crew.shift_id', 'shifts.id')
    .select(['shifts.id', 'shifts.vehicle_id'])
    .where('shifts.association_id', '=', associationId)
    .where('shift_crew.member_id', '=', memberId)
    .where('shift_crew.place', '=', 'crew')
    .where('shifts.checked_in_at', 'is not', null)
    .where('shifts.checked_in_at', '<=', at)
    .where((eb) => eb.or([eb('shifts.checked_out_at', 'is', null), eb('shifts.checked_out_at', '>=', at)]))
    .orderBy('shifts.checked_in_at', 'desc')
    .executeTakeFirst();
}

/**
 * GDPR Art. 10: no personal identity numbers, plates, phone numbers or e-mail
 * addresses in what the association keeps. Refused, naming what was found,
 * unless the crew handed it to the police, in which case the text is not kept.
 */
export function guardText(text: string | null, handedToPolice: boolean): string | null {
  if (!text) return null;
  const findings = findSensitive(text);
  if (findings.length === 0) return text;
  if (handedToPolice) return null;
  const fields: FieldError[] = [...new Set(findings.map((f) => f.kind))].map((kind) => ({ field: 'text', message: `error.privacy.${kind}` as MessageKey }));
  throw new AppError('privacy_guard', fields);
}
