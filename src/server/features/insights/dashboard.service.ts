/**
 * The dashboard: a period's shifts, observations and action items against the
 * period of equal length before it, for the association or one of its areas.
 * Only counts and sums: no name, text or position of anyone, so partners and
 * volunteers may see it as well as the board.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { staffingOf, type ShiftStatus } from '../../../shared/domain/shifts.js';
import { isOverdue } from '../../../shared/domain/action-items.js';
import type { Dashboard, Figure, InsightsQuery } from '../../../shared/api/insights.js';
import * as repo from './insights.repository.js';
import { inCurrent, median, offsetSpans, periodOf, type Period } from './period.js';

type Pair = [current: number, previous: number];
const pair = (): Pair => [0, 0];
const fig = ([value, previous]: Pair): Figure => ({ value, previous });
const round1 = (n: number) => Math.round(n * 10) / 10;
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 100));

export async function dashboard(ctx: AppContext, actor: Actor, q: InsightsQuery): Promise<Dashboard> {
  authorize(actor, 'insights.read');
  return dashboardOf(ctx, actor.associationId, actor.language, q);
}

/** The figures themselves, also for the IOP report and the benchmark. */
export async function dashboardOf(ctx: AppContext, associationId: string, language: 'sv' | 'en', q: InsightsQuery): Promise<Dashboard> {
  const p = periodOf(q.from, q.to);
  const span = { fromIso: p.previousFromIso, toIso: p.toIso, areaId: q.areaId };
  const [[categories, areas, recipients], shifts, crew, counts, hours, items] = await Promise.all([
    repo.namesOf(ctx.db, associationId),
    repo.shiftsIn(ctx.db, associationId, span),
    repo.crewIn(ctx.db, associationId, span),
    repo.countsByCategoryArea(ctx.db, associationId, span, p.fromIso),
    repo.countsByWeekdayHour(ctx.db, ctx.dialect, associationId, span, p.fromIso, offsetSpans(span.fromIso, span.toIso)),
    repo.itemsSentIn(ctx.db, associationId, span),
  ]);
  if (q.areaId && !areas.some((a) => a.id === q.areaId)) throw new AppError('validation', [{ field: 'areaId', message: 'error.field.invalid' }]);
  return {
    from: p.from,
    to: p.to,
    previousFrom: p.previousFrom,
    previousTo: p.previousTo,
    areaId: q.areaId ?? null,
    shifts: shiftFigures(p, shifts, crew),
    observations: observationFigures(counts, hours, language, categories, areas),
    items: itemFigures(p, items, recipients, ctx.clock.now().toISOString()),
  };
}

function shiftFigures(p: Period, shifts: Awaited<ReturnType<typeof repo.shiftsIn>>, crew: Awaited<ReturnType<typeof repo.crewIn>>): Dashboard['shifts'] {
  const seats = new Map<string, typeof crew>();
  for (const c of crew) seats.set(c.shift_id, [...(seats.get(c.shift_id) ?? []), c]);
  const planned = pair();
  const run = pair();
  const cancelled = pair();
  const staffed = pair();
  const hours = pair();
  const km = pair();
  for (const s of shifts) {
    const i = inCurrent(p, s.starts_at) ? 0 : 1;
    const mine = seats.get(s.id) ?? [];
    if (s.status === 'cancelled') {
      cancelled[i] += 1;
      continue;
    }
    planned[i] += 1;
    const roles = mine.map((c) => ({ asDriver: c.as_driver === 1, asLeader: c.as_leader === 1 }));
    if (staffingOf(s.status as ShiftStatus, s.crew_min, roles) === 'staffed') staffed[i] += 1;
    if (s.status !== 'closed' || !s.checked_in_at || !s.checked_out_at) continue;
    run[i] += 1;
    km[i] += Math.max(0, Number(s.odometer_end_km) - Number(s.odometer_start_km));
    const present = mine.filter((c) => c.present === null || c.present === 1).length;
    hours[i] += (present * (Date.parse(s.checked_out_at) - Date.parse(s.checked_in_at))) / 3_600_000;
  }
  return {
    planned: fig(planned),
    run: fig(run),
    cancelled: fig(cancelled),
    staffed: fig(staffed),
    staffingRate: { value: rate(staffed[0], planned[0]), previous: rate(staffed[1], planned[1]) },
    volunteerHours: { value: round1(hours[0]), previous: round1(hours[1]) },
    km: fig(km),
  };
}

function observationFigures(
  counts: Awaited<ReturnType<typeof repo.countsByCategoryArea>>,
  hours: Awaited<ReturnType<typeof repo.countsByWeekdayHour>>,
  language: 'sv' | 'en',
  categories: Awaited<ReturnType<typeof repo.namesOf>>[0],
  areas: Awaited<ReturnType<typeof repo.namesOf>>[1],
): Dashboard['observations'] {
  const total = pair();
  const byCategory = new Map<string, Pair>();
  const byArea = new Map<string | null, Pair>();
  const byWeekday = Array.from({ length: 7 }, pair);
  const byHour = Array.from({ length: 24 }, pair);
  for (const c of counts) {
    total[c.period] += c.count;
    const cat = byCategory.get(c.categoryId) ?? pair();
    cat[c.period] += c.count;
    byCategory.set(c.categoryId, cat);
    const area = byArea.get(c.areaId) ?? pair();
    area[c.period] += c.count;
    byArea.set(c.areaId, area);
  }
  for (const h of hours) {
    byWeekday[h.weekday - 1]![h.period] += h.count;
    byHour[h.hour]![h.period] += h.count;
  }
  const category = new Map(categories.map((c) => [c.id, c]));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  return {
    total: fig(total),
    byCategory: [...byCategory.entries()]
      .map(([categoryId, [value, previous]]) => {
        const c = category.get(categoryId);
        return { categoryId, label: (language === 'en' ? c?.label_en : c?.label_sv) ?? '?', icon: c?.icon ?? '', value, previous };
      })
      .sort((a, b) => b.value - a.value || b.previous - a.previous || a.label.localeCompare(b.label)),
    byArea: [...byArea.entries()]
      .map(([areaId, [value, previous]]) => ({ areaId, name: areaId ? (areaName.get(areaId) ?? null) : null, value, previous }))
      .sort((a, b) => b.value - a.value || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')),
    byWeekday: byWeekday.map(([value, previous], n) => ({ weekday: n + 1, value, previous })),
    byHour: byHour.map(([value, previous], hour) => ({ hour, value, previous })),
  };
}

function itemFigures(
  p: Period,
  items: Awaited<ReturnType<typeof repo.itemsSentIn>>,
  recipients: { id: string; name: string }[],
  now: string,
): Dashboard['items'] {
  const sent = pair();
  const resolved = pair();
  const overdue = pair();
  const open = pair();
  const per = new Map<string, { sent: number; resolved: number; overdue: number; hours: [number[], number[]] }>();
  for (const it of items) {
    const i = inCurrent(p, it.sent_at) ? 0 : 1;
    const r = per.get(it.recipient_id) ?? { sent: 0, resolved: 0, overdue: 0, hours: [[], []] };
    per.set(it.recipient_id, r);
    sent[i] += 1;
    if (i === 0) r.sent += 1;
    // The items list's rule: sent, unanswered, past the first deadline (a reminder does not hide it).
    const late = isOverdue({ state: it.state, dueAt: it.due_at, firstDueAt: it.first_due_at, answeredAt: it.answered_at }, new Date(now));
    if (late) {
      overdue[i] += 1;
      if (i === 0) r.overdue += 1;
    }
    if (!it.closed_at && it.state !== 'withdrawn') open[i] += 1;
    if (it.state === 'resolved' && it.closed_at) {
      resolved[i] += 1;
      if (i === 0) r.resolved += 1;
      r.hours[i].push((Date.parse(it.closed_at) - Date.parse(it.sent_at)) / 3_600_000);
    }
  }
  const names = new Map(recipients.map((r) => [r.id, r.name]));
  const med = (hours: number[]) => {
    const m = median(hours);
    return m === null ? null : round1(m);
  };
  return {
    sent: fig(sent),
    resolved: fig(resolved),
    overdue: fig(overdue),
    open: fig(open),
    byRecipient: [...per.entries()]
      .map(([recipientId, r]) => ({
        recipientId,
        name: names.get(recipientId) ?? '?',
        sent: r.sent,
        resolved: r.resolved,
        overdue: r.overdue,
        medianHours: med(r.hours[0]),
        previousMedianHours: med(r.hours[1]),
      }))
      .sort((a, b) => b.sent - a.sent || a.name.localeCompare(b.name)),
  };
}
