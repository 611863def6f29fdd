/** The staffing board: every day of a week or a month with its shifts as staffed, short, empty or cancelled. */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import type { Board } from '../../../shared/api/shifts.js';
import { addDays, daysBetween, localParts } from '../../../shared/domain/time.js';
import { listShifts } from './shifts.service.js';

const MAX_DAYS = 42;

export async function staffingBoard(ctx: AppContext, actor: Actor, q: { from: string; to: string }): Promise<Board> {
  authorize(actor, 'shift.list');
  if (q.to < q.from || daysBetween(q.from, q.to) >= MAX_DAYS) throw new AppError('validation', [{ field: 'to', message: 'error.field.invalid' }]);
  const shifts = await listShifts(ctx, actor, q);
  const days: Board['days'] = [];
  for (let date = q.from; date <= q.to; date = addDays(date, 1)) days.push({ date, shifts: [] });
  const byDate = new Map(days.map((d) => [d.date, d]));
  const totals = { staffed: 0, short: 0, empty: 0, cancelled: 0 };
  for (const s of shifts) {
    totals[s.staffing] += 1;
    byDate.get(localParts(s.startsAt).date)?.shifts.push({
      id: s.id,
      vehicleId: s.vehicleId,
      vehicleName: s.vehicleName,
      vehicleInService: s.vehicleInService,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      staffing: s.staffing,
      crewCount: s.crew.length,
      crewMin: s.crewMin,
      crewMax: s.crewMax,
      hasDriver: s.crew.some((c) => c.asDriver),
      hasLeader: s.crew.some((c) => c.asLeader),
      waitingCount: s.waiting.length,
      mine: s.mine,
      missedCheckIn: s.missedCheckIn,
    });
  }
  return { from: q.from, to: q.to, days, totals };
}
