/** Turns shift rows, their crews, cars and areas into the API's shift objects. */
import type { Shift } from '../../../shared/api/shifts.js';
import { staffingOf, type ShiftStatus } from '../../../shared/domain/shifts.js';
import { crewOf, type CrewRow, type ShiftRow } from './shifts.repository.js';
import type { Executor } from '../../platform/db/database.js';
import { areasOf, associationSettings, vehiclesOf } from './neighbours.repository.js';

export interface ViewContext {
  vehicleNames: Map<string, string>;
  /** Cars at the workshop or retired: their planned shifts cannot run. */
  vehiclesOut: Set<string>;
  areaNames: Map<string, string>;
  graceMinutes: number;
  now: Date;
  viewerMemberId: string;
}

export async function viewContext(db: Executor, associationId: string, viewerMemberId: string, now: Date): Promise<ViewContext> {
  const [vehicles, areas, association] = await Promise.all([vehiclesOf(db, associationId), areasOf(db, associationId), associationSettings(db, associationId)]);
  return {
    vehicleNames: new Map(vehicles.map((v) => [v.id, v.name])),
    vehiclesOut: new Set(vehicles.filter((v) => v.status !== 'in_service').map((v) => v.id)),
    areaNames: new Map(areas.map((a) => [a.id, a.name])),
    graceMinutes: association.checkin_grace_minutes,
    now,
    viewerMemberId,
  };
}

/** Planned, and the start plus the grace time has passed without a check-in. */
export function missedCheckIn(row: Pick<ShiftRow, 'status' | 'starts_at'>, graceMinutes: number, now: Date): boolean {
  return row.status === 'planned' && Date.parse(row.starts_at) + graceMinutes * 60_000 < now.getTime();
}

export function toShift(row: ShiftRow, crewRows: CrewRow[], vc: ViewContext): Shift {
  const crew = crewRows.filter((c) => c.place === 'crew');
  const waiting = crewRows.filter((c) => c.place === 'waiting');
  const seats = crew.map((c) => ({
    memberId: c.member_id,
    name: c.name,
    asDriver: c.as_driver === 1,
    asLeader: c.as_leader === 1,
    present: c.present === null ? null : c.present === 1,
  }));
  const mine = crewRows.find((c) => c.member_id === vc.viewerMemberId);
  const status = row.status as ShiftStatus;
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    vehicleName: vc.vehicleNames.get(row.vehicle_id) ?? '',
    vehicleInService: !vc.vehiclesOut.has(row.vehicle_id),
    templateId: row.template_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    durationMinutes: Math.round((Date.parse(row.ends_at) - Date.parse(row.starts_at)) / 60_000),
    crewMin: row.crew_min,
    crewMax: row.crew_max,
    areaId: row.area_id,
    areaName: row.area_id ? (vc.areaNames.get(row.area_id) ?? null) : null,
    note: row.note,
    status,
    cancelReason: row.cancel_reason,
    staffing: staffingOf(status, row.crew_min, seats),
    crew: seats,
    waiting: waiting.map((w) => ({ memberId: w.member_id, name: w.name })),
    mine: mine ? (mine.place as 'crew' | 'waiting') : null,
    missedCheckIn: missedCheckIn(row, vc.graceMinutes, vc.now),
    run: {
      checkedInAt: row.checked_in_at,
      checkedInBy: row.checked_in_by,
      driverMemberId: row.driver_member_id,
      odometerStartKm: row.odometer_start_km === null ? null : Number(row.odometer_start_km),
      startPlace: row.start_place,
      briefingNote: row.briefing_note,
      checkedOutAt: row.checked_out_at,
      odometerEndKm: row.odometer_end_km === null ? null : Number(row.odometer_end_km),
      endPlace: row.end_place,
      summary: row.summary,
      nothingToReport: row.nothing_to_report === 1,
    },
  };
}

/** Views of many shifts with one crew query. */
export async function toShifts(db: Executor, associationId: string, rows: ShiftRow[], vc: ViewContext): Promise<Shift[]> {
  const crew = await crewOf(
    db,
    associationId,
    rows.map((r) => r.id),
  );
  const byShift = new Map<string, CrewRow[]>();
  for (const c of crew) byShift.set(c.shift_id, [...(byShift.get(c.shift_id) ?? []), c]);
  return rows.map((r) => toShift(r, byShift.get(r.id) ?? [], vc));
}
