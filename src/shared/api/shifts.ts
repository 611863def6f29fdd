/** API schemas of shift templates, shifts, sign-up, crew and running a shift. */
import { z } from 'zod';
import { shiftStatuses, staffingLevels, toMinutes } from '../domain/shifts.js';
import { guardedText, id, isoDate, isoDateTime } from './common.js';

export const localTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM');
const crewSize = z.number().int().min(1).max(8);
const reason = z.string().trim().min(3).max(500);
/** Notes, places and summaries of shifts are kept for years: the privacy guard holds on them. */
const shortText = guardedText;
const weekdays = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .max(7)
  .transform((days) => [...new Set(days)].sort());

const templateFields = {
  vehicleId: id,
  name: z.string().trim().min(1).max(100),
  weekdays,
  startTime: localTime,
  endTime: localTime,
  /** Says that the end time is on the next day (a night shift); otherwise the end must be after the start. */
  endsNextDay: z.boolean().default(false),
  crewMin: crewSize.default(2),
  crewMax: crewSize.default(3),
  areaId: id.nullable().default(null),
  validFrom: isoDate,
  validUntil: isoDate.nullable().default(null),
};

type TemplateShape = {
  startTime: string;
  endTime: string;
  endsNextDay: boolean;
  crewMin: number;
  crewMax: number;
  validFrom: string;
  validUntil: string | null;
};
/** The cross-field rules of a template, reported on the field at fault. */
function checkTemplate(t: TemplateShape, ctx: z.RefinementCtx): void {
  const nextDay = toMinutes(t.endTime) <= toMinutes(t.startTime);
  if (nextDay !== t.endsNextDay) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'error.field.end_before_start' });
  if (t.crewMax < t.crewMin) ctx.addIssue({ code: 'custom', path: ['crewMax'], message: 'error.field.crew_max_below_min' });
  if (t.validUntil !== null && t.validUntil < t.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'error.field.until_before_from' });
}

export const templateCreate = z.strictObject(templateFields).superRefine(checkTemplate);
/** A change replaces the whole pattern, so the cross-field rules can be checked together. */
export const templateUpdate = templateCreate;

export const template = z.object({
  id,
  vehicleId: id,
  vehicleName: z.string(),
  name: z.string(),
  weekdays: z.array(z.number()),
  startTime: z.string(),
  endTime: z.string(),
  endsNextDay: z.boolean(),
  crewMin: z.number(),
  crewMax: z.number(),
  areaId: id.nullable(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
});

export const generateInput = z
  .strictObject({ from: isoDate, to: isoDate, templateIds: z.array(id).max(50).optional() })
  .refine((g) => g.to >= g.from, { path: ['to'], message: 'error.field.until_before_from' })
  .refine((g) => Date.parse(g.to) - Date.parse(g.from) <= 400 * 86_400_000, { path: ['to'], message: 'error.field.period_too_long' });
export const generateResult = z.object({
  created: z.number(),
  existing: z.number(),
  /** Days where the car already had another shift at that time: nothing was made there. */
  conflicts: z.array(z.object({ templateId: id, date: z.string() })),
});

/** When a one-off or changed shift runs: local dates and times in Europe/Stockholm. */
const shiftTimes = {
  startDate: isoDate,
  startTime: localTime,
  endDate: isoDate,
  endTime: localTime,
};
const checkTimes = (s: { startDate: string; startTime: string; endDate: string; endTime: string }, ctx: z.RefinementCtx) => {
  if (`${s.endDate}T${s.endTime}` <= `${s.startDate}T${s.startTime}`)
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'error.field.end_before_start' });
  if (Date.parse(s.endDate) - Date.parse(s.startDate) > 86_400_000) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'error.field.shift_too_long' });
};

export const shiftCreate = z
  .strictObject({
    vehicleId: id,
    ...shiftTimes,
    crewMin: crewSize.default(2),
    crewMax: crewSize.default(3),
    areaId: id.nullable().default(null),
    note: shortText(500).nullable().default(null),
  })
  .superRefine(checkTimes)
  .refine((s) => s.crewMax >= s.crewMin, { path: ['crewMax'], message: 'error.field.crew_max_below_min' });

export const shiftUpdate = z
  .strictObject({
    ...shiftTimes,
    crewMin: crewSize,
    crewMax: crewSize,
    areaId: id.nullable(),
    note: shortText(500).nullable(),
  })
  .superRefine(checkTimes)
  .refine((s) => s.crewMax >= s.crewMin, { path: ['crewMax'], message: 'error.field.crew_max_below_min' });

export const cancelInput = z.strictObject({ reason });

export const shiftListQuery = z.strictObject({
  from: isoDate,
  to: isoDate,
  vehicleId: id.optional(),
  mine: z.enum(['true', 'false']).optional(),
});

const crewMember = z.object({ memberId: id, name: z.string(), asDriver: z.boolean(), asLeader: z.boolean(), present: z.boolean().nullable() });

export const shiftRun = z.object({
  checkedInAt: isoDateTime.nullable(),
  checkedInBy: id.nullable(),
  driverMemberId: id.nullable(),
  odometerStartKm: z.number().nullable(),
  startPlace: z.string().nullable(),
  briefingNote: z.string().nullable(),
  checkedOutAt: isoDateTime.nullable(),
  odometerEndKm: z.number().nullable(),
  endPlace: z.string().nullable(),
  summary: z.string().nullable(),
  nothingToReport: z.boolean(),
});

export const shift = z.object({
  id,
  vehicleId: id,
  vehicleName: z.string(),
  /** False while the car is at the workshop or retired: the shift cannot run with it. */
  vehicleInService: z.boolean(),
  templateId: id.nullable(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  /** True length in minutes: 13 h for 18–06 across the autumn change, 11 h across the spring one. */
  durationMinutes: z.number(),
  crewMin: z.number(),
  crewMax: z.number(),
  areaId: id.nullable(),
  areaName: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(shiftStatuses),
  cancelReason: z.string().nullable(),
  staffing: z.enum(staffingLevels),
  crew: z.array(crewMember),
  waiting: z.array(z.object({ memberId: id, name: z.string() })),
  /** The signed-in member's place: in the crew, on the waiting list, or neither. */
  mine: z.enum(['crew', 'waiting']).nullable(),
  /** Planned and not checked in by start + the association's grace time. */
  missedCheckIn: z.boolean(),
  run: shiftRun,
});

export const signupInput = z.strictObject({
  asDriver: z.boolean().default(false),
  asLeader: z.boolean().default(false),
  /** When the crew is full, join the waiting list instead of being refused. */
  waitingList: z.boolean().default(false),
});
export const signupResult = z.object({ place: z.enum(['crew', 'waiting']), shift });

export const assignInput = z.strictObject({
  memberId: id,
  asDriver: z.boolean().default(false),
  asLeader: z.boolean().default(false),
  /** Needed to set aside a soft rule (deadline, crew maximum, weekly maximum); recorded in the audit log. */
  reason: reason.optional(),
});
export const removeInput = z.strictObject({ reason });
export const swapInput = z.strictObject({ outMemberId: id, inMemberId: id, reason: reason.optional() });
export const crewParams = z.strictObject({ id, memberId: id });

const odometer = z.number().int().min(0).max(2_000_000);
export const checkInInput = z.strictObject({
  presentMemberIds: z.array(id).min(1).max(8),
  driverMemberId: id,
  odometerStartKm: odometer,
  startPlace: shortText(200).nullable().default(null),
  briefingNote: shortText(1000).nullable().default(null),
});
export const checkOutInput = z
  .strictObject({
    odometerEndKm: odometer,
    endPlace: shortText(200).nullable().default(null),
    summary: shortText(2000).nullable().default(null),
    nothingToReport: z.boolean().default(false),
  })
  .refine((c) => c.nothingToReport || (c.summary ?? '').length > 0, { path: ['summary'], message: 'error.field.summary_or_nothing' });

/** A coordinator's later correction of a run; every field optional, a reason required. */
export const runCorrection = z.strictObject({
  reason,
  odometerStartKm: odometer.optional(),
  odometerEndKm: odometer.optional(),
  driverMemberId: id.optional(),
  startPlace: shortText(200).nullable().optional(),
  endPlace: shortText(200).nullable().optional(),
  summary: shortText(2000).nullable().optional(),
  nothingToReport: z.boolean().optional(),
});

export type TemplateInput = z.infer<typeof templateCreate>;
export type Template = z.infer<typeof template>;
export type GenerateInput = z.infer<typeof generateInput>;
export type GenerateResult = z.infer<typeof generateResult>;
export type ShiftCreate = z.infer<typeof shiftCreate>;
export type ShiftUpdate = z.infer<typeof shiftUpdate>;
export type Shift = z.infer<typeof shift>;
export type ShiftRun = z.infer<typeof shiftRun>;
export type SignupInput = z.infer<typeof signupInput>;
export type AssignInput = z.infer<typeof assignInput>;
export type SwapInput = z.infer<typeof swapInput>;
export type CheckInInput = z.infer<typeof checkInInput>;
export type CheckOutInput = z.infer<typeof checkOutInput>;
export type RunCorrection = z.infer<typeof runCorrection>;

export const boardQuery = z.strictObject({ from: isoDate, to: isoDate });
export const boardShift = z.object({
  id,
  vehicleId: id,
  vehicleName: z.string(),
  vehicleInService: z.boolean(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  status: z.enum(shiftStatuses),
  staffing: z.enum(staffingLevels),
  crewCount: z.number(),
  crewMin: z.number(),
  crewMax: z.number(),
  hasDriver: z.boolean(),
  hasLeader: z.boolean(),
  waitingCount: z.number(),
  mine: z.enum(['crew', 'waiting']).nullable(),
  missedCheckIn: z.boolean(),
});
export const board = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({ date: z.string(), shifts: z.array(boardShift) })),
  totals: z.object({ staffed: z.number(), short: z.number(), empty: z.number(), cancelled: z.number() }),
});
export type Board = z.infer<typeof board>;
export type BoardShift = z.infer<typeof boardShift>;

const trackPoint = z.strictObject({ t: isoDateTime, lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
/** A stretch of the route driven, as the phone sends it: up to 500 positions in time order. */
export const trackSegmentPut = z.strictObject({
  points: z
    .array(trackPoint)
    .min(1)
    .max(500)
    .refine((ps) => ps.every((p, i) => i === 0 || p.t >= ps[i - 1]!.t), 'in time order'),
});
export const trackParams = z.strictObject({ id, segmentId: id });
export const track = z.object({
  segments: z.array(z.object({ id, memberId: id, points: z.array(z.object({ t: isoDateTime, lat: z.number(), lng: z.number() })) })),
});
export type TrackSegmentPut = z.infer<typeof trackSegmentPut>;
export type Track = z.infer<typeof track>;
