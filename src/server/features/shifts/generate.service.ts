/**
 * Generating shifts from templates for a period. Each template day becomes one
 * shift whose start and end are the local times turned into instants in
 * Europe/Stockholm, so daylight-saving days get their true length. Running it
 * again makes nothing twice (unique template + start), a cancelled shift is
 * not brought back, and a day where the car already has another shift is
 * reported, not double-booked.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { GenerateInput, GenerateResult } from '../../../shared/api/shifts.js';
import { addDays, weekdayOf, zonedInstant } from '../../../shared/domain/time.js';
import * as templates from './templates.repository.js';
import { insertShifts, shiftsStartingBetween, shiftValues } from './shifts.repository.js';

interface Planned {
  templateId: string;
  date: string;
  startsAt: string;
  endsAt: string;
}

/** The shifts one template asks for on the days in [from, to]. */
export function planTemplate(t: templates.TemplateRow, from: string, to: string): Planned[] {
  const first = from > t.valid_from ? from : t.valid_from;
  const last = t.valid_until !== null && t.valid_until < to ? t.valid_until : to;
  const days = new Set(t.weekdays.split(',').map(Number));
  const nextDay = t.end_time <= t.start_time;
  const out: Planned[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    if (!days.has(weekdayOf(date))) continue;
    out.push({
      templateId: t.id,
      date,
      startsAt: zonedInstant(date, t.start_time).toISOString(),
      endsAt: zonedInstant(nextDay ? addDays(date, 1) : date, t.end_time).toISOString(),
    });
  }
  return out;
}

export async function generateShifts(ctx: AppContext, actor: Actor, input: GenerateInput): Promise<GenerateResult> {
  authorize(actor, 'shift.manage');
  let chosen = await templates.listTemplates(ctx.db, actor.associationId);
  if (input.templateIds) {
    const wanted = new Set(input.templateIds);
    chosen = chosen.filter((t) => wanted.has(t.id));
    if (chosen.length !== wanted.size) throw new AppError('validation', [{ field: 'templateIds', message: 'error.field.invalid' }]);
  }
  // A window a day wider on each side catches night shifts that reach into the period.
  const windowFrom = zonedInstant(addDays(input.from, -1), '00:00').toISOString();
  const windowTo = zonedInstant(addDays(input.to, 2), '00:00').toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const existing = await shiftsStartingBetween(trx, actor.associationId, windowFrom, windowTo);
      const made = new Set(existing.filter((s) => s.template_id).map((s) => `${s.template_id}|${s.starts_at}`));
      const busy = new Map<string, { startsAt: string; endsAt: string }[]>();
      for (const s of existing)
        if (s.status !== 'cancelled') busy.set(s.vehicle_id, [...(busy.get(s.vehicle_id) ?? []), { startsAt: s.starts_at, endsAt: s.ends_at }]);

      const now = nowIso();
      const rows: ReturnType<typeof shiftValues>[] = [];
      const result: GenerateResult = { created: 0, existing: 0, conflicts: [] };
      for (const t of chosen) {
        for (const p of planTemplate(t, input.from, input.to)) {
          if (made.has(`${t.id}|${p.startsAt}`)) {
            result.existing += 1;
            continue;
          }
          const carShifts = busy.get(t.vehicle_id) ?? [];
          if (carShifts.some((s) => s.startsAt < p.endsAt && s.endsAt > p.startsAt)) {
            result.conflicts.push({ templateId: t.id, date: p.date });
            continue;
          }
          carShifts.push({ startsAt: p.startsAt, endsAt: p.endsAt });
          busy.set(t.vehicle_id, carShifts);
          rows.push(
            shiftValues(
              {
                association_id: actor.associationId,
                vehicle_id: t.vehicle_id,
                template_id: t.id,
                starts_at: p.startsAt,
                ends_at: p.endsAt,
                crew_min: t.crew_min,
                crew_max: t.crew_max,
                area_id: t.area_id,
              },
              now,
            ),
          );
        }
      }
      await insertShifts(trx, rows);
      result.created = rows.length;
      await recordAudit(trx, {
        associationId: actor.associationId,
        actorMemberId: actor.memberId,
        action: 'shift.generate',
        entityType: 'shift',
        entityId: null,
        after: { from: input.from, to: input.to, created: result.created, conflicts: result.conflicts.length },
      });
      return result;
    });
  } catch (err) {
    // Someone generated the same period at the same moment; theirs stands.
    if (isUniqueViolation(err)) throw new AppError('conflict');
    throw err;
  }
}
