/**
 * The automatic e-mails about staffing and cars, run by the scheduler:
 * - the crew is reminded the day before (from 09:00 local time);
 * - N days before a short shift (the association's setting), members who are
 *   free and qualified for what is missing are asked to step in;
 * - the coordinators are told a day ahead when a shift will not run as staffed, or its car is not in service;
 * - the coordinators are told when a shift was not checked in by start + grace;
 * - the coordinators are reminded 30 and 7 days before a car's insurance or service is due.
 * Each notice is claimed by a unique key in the same transaction as its mails,
 * so it goes out exactly once however often, and on however many servers, this runs.
 */
import type { AppContext } from '../../context.js';
import { claimNotice } from '../../platform/jobs/notices.repository.js';
import { enqueueMail } from '../../platform/mail/outbox.repository.js';
import { renderMail } from '../../platform/mail/templates.js';
import { staffingOf } from '../../../shared/domain/shifts.js';
import { addDays, daysBetween, localParts } from '../../../shared/domain/time.js';
import { toLanguage, translate } from '../../../shared/i18n/translate.js';
import type { CrewRow, ShiftRow } from '../shifts/shifts.repository.js';
import { crewsOf, memberIsBusy } from '../shifts/shifts.service.js';
import { carsDueBy, possibleHelpers, upcomingShifts, vehicleStatus } from './staffing.repository.js';
import { coordinatorsOf, mailAboutShift, membersByIds, type Recipient } from '../shifts/shift-mail.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Automatic mails to volunteers go out in the daytime only. */
const daytime = (now: Date) => {
  const hour = Number(localParts(now).time.slice(0, 2));
  return hour >= 9 && hour < 20;
};

/** Sends the once-only notice `key` if nobody has: claim and mails commit together. */
async function once(ctx: AppContext, associationId: string, key: string, send: (trx: Parameters<typeof claimNotice>[0]) => Promise<void>): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await claimNotice(trx, associationId, key))) return false;
    await send(trx);
    return true;
  });
}

export async function remindCrews(ctx: AppContext, now: Date): Promise<number> {
  if (!daytime(now)) return 0;
  const tomorrow = addDays(localParts(now).date, 1);
  let sent = 0;
  for (const shift of await upcomingShifts(ctx.db, now, 2 * DAY)) {
    if (localParts(shift.starts_at).date !== tomorrow) continue;
    const crew = (await crewsOf(ctx.db, shift.association_id, [shift.id])).filter((c) => c.place === 'crew');
    for (const c of crew) {
      const ok = await once(ctx, shift.association_id, `crew-reminder:${shift.id}:${c.member_id}`, async (trx) =>
        mailAboutShift(ctx, trx, await membersByIds(trx, shift.association_id, [c.member_id]), 'shift_reminder', shift),
      );
      if (ok) sent += 1;
    }
  }
  return sent;
}

/** Active volunteers free at the shift's time and qualified for what it lacks. */
async function helpersFor(ctx: AppContext, shift: ShiftRow, crew: CrewRow[]): Promise<Recipient[]> {
  const seated = crew.filter((c) => c.place === 'crew');
  const needDriver = !seated.some((c) => c.as_driver === 1);
  const needLeader = !seated.some((c) => c.as_leader === 1);
  const date = localParts(shift.starts_at).date;
  const {
    members: candidates,
    roles,
    licences,
  } = await possibleHelpers(
    ctx.db,
    shift.association_id,
    crew.map((c) => c.member_id),
  );
  const hasRole = (id: string, role: string) => roles.some((r) => r.member_id === id && r.role === role);
  const canDrive = (id: string) =>
    hasRole(id, 'driver') && licences.some((l) => l.member_id === id && l.achieved_on <= date && (l.expires_on === null || l.expires_on >= date));
  const out: Recipient[] = [];
  for (const m of candidates) {
    // When a role is missing, ask those who can fill it; when only hands are missing, ask everyone.
    if ((needDriver || needLeader) && !((needDriver && canDrive(m.id)) || (needLeader && hasRole(m.id, 'shift_leader')))) continue;
    if (await memberIsBusy(ctx.db, shift.association_id, m.id, shift.starts_at, shift.ends_at, shift.id)) continue;
    out.push(m);
  }
  return out;
}

export async function askForHelp(ctx: AppContext, now: Date): Promise<number> {
  if (!daytime(now)) return 0;
  let asked = 0;
  for (const shift of await upcomingShifts(ctx.db, now, 15 * DAY)) {
    const starts = Date.parse(shift.starts_at);
    if (starts - now.getTime() > shift.short_shift_notice_days * DAY) continue;
    if (starts - now.getTime() < shift.signup_closes_hours * HOUR) continue;
    const crew = await crewsOf(ctx.db, shift.association_id, [shift.id]);
    const seats = crew.filter((c) => c.place === 'crew').map((c) => ({ asDriver: c.as_driver === 1, asLeader: c.as_leader === 1 }));
    if (staffingOf('planned', shift.crew_min, seats) === 'staffed') continue;
    const helpers = await helpersFor(ctx, shift, crew);
    if (await once(ctx, shift.association_id, `help-wanted:${shift.id}`, (trx) => mailAboutShift(ctx, trx, helpers, 'shift_help_wanted', shift)))
      asked += helpers.length;
  }
  return asked;
}

export async function warnShiftsThatWillNotRun(ctx: AppContext, now: Date): Promise<number> {
  let warned = 0;
  for (const shift of await upcomingShifts(ctx.db, now, DAY)) {
    if (Date.parse(shift.starts_at) <= now.getTime()) continue;
    const crew = (await crewsOf(ctx.db, shift.association_id, [shift.id])).filter((c) => c.place === 'crew');
    const seats = crew.map((c) => ({ asDriver: c.as_driver === 1, asLeader: c.as_leader === 1 }));
    if (staffingOf('planned', shift.crew_min, seats) === 'staffed' && (await vehicleStatus(ctx.db, shift.vehicle_id)) === 'in_service') continue;
    if (
      await once(ctx, shift.association_id, `wont-run:${shift.id}`, async (trx) =>
        mailAboutShift(ctx, trx, await coordinatorsOf(trx, shift.association_id), 'shift_wont_run', shift),
      )
    )
      warned += 1;
  }
  return warned;
}

export async function flagMissedCheckIns(ctx: AppContext, now: Date): Promise<number> {
  let flagged = 0;
  for (const shift of await upcomingShifts(ctx.db, now, 0)) {
    if (Date.parse(shift.starts_at) + shift.checkin_grace_minutes * 60_000 >= now.getTime()) continue;
    if (
      await once(ctx, shift.association_id, `missed-checkin:${shift.id}`, async (trx) =>
        mailAboutShift(ctx, trx, await coordinatorsOf(trx, shift.association_id), 'shift_missed_checkin', shift),
      )
    )
      flagged += 1;
  }
  return flagged;
}

const DUE_STEPS = [30, 7];

export async function remindCarDueDates(ctx: AppContext, now: Date): Promise<number> {
  const today = localParts(now).date;
  const horizon = addDays(today, Math.max(...DUE_STEPS));
  const cars = await carsDueBy(ctx.db, horizon);
  let sent = 0;
  for (const car of cars) {
    for (const [kind, due] of [
      ['insurance', car.insurance_due_on],
      ['service', car.service_due_on],
    ] as const) {
      if (!due) continue;
      const days = daysBetween(today, due);
      // The step reached: 30 days ahead, then 7; an overdue date counts as the last step.
      const step = [...DUE_STEPS].reverse().find((s) => days <= s);
      if (step === undefined) continue;
      const ok = await once(ctx, car.association_id, `vehicle-due:${car.id}:${kind}:${due}:${step}`, async (trx) => {
        for (const c of await coordinatorsOf(trx, car.association_id)) {
          const lang = toLanguage(c.language);
          const what = translate(lang, kind === 'insurance' ? 'cars.insuranceDue' : 'cars.serviceDue');
          const mail = renderMail(lang, 'vehicle_due', {
            name: c.name,
            association: car.association_name,
            vehicle: car.name,
            what,
            date: due,
            link: `${ctx.config.publicUrl}/cars`,
          });
          await enqueueMail(trx, { ...mail, to: c.email, language: lang, associationId: car.association_id }, ctx.mail);
        }
      });
      if (ok) sent += 1;
    }
  }
  return sent;
}

/** Every sweep, in the order they should run. */
export const staffingTasks = (ctx: AppContext) => [
  { name: 'shift reminders', run: (now: Date) => remindCrews(ctx, now) },
  { name: 'help wanted', run: (now: Date) => askForHelp(ctx, now) },
  { name: 'shifts that will not run', run: (now: Date) => warnShiftsThatWillNotRun(ctx, now) },
  { name: 'missed check-ins', run: (now: Date) => flagMissedCheckIns(ctx, now) },
  { name: 'car due dates', run: (now: Date) => remindCarDueDates(ctx, now) },
];
