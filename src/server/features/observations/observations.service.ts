/**
 * Observations made in the car. The phone makes each id (UUIDv7) and sends the
 * observation with an idempotent PUT: a retry of the same content answers with
 * what is already stored and never makes a second row; the same id with other
 * content is refused (409), never overwritten. Authors may edit for 24 hours,
 * coordinators later, and every change is in the audit log.
 */
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, can, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { newId, nowIso } from '../../platform/db/ids.js';
import { publicIdOf } from '../../platform/db/public-id.js';
import { PHOTO_ARRIVED } from './photo-arrived.js';
import { enqueueJob } from '../../platform/jobs/jobs.repository.js';
import type { MapQuery, MapResult, Observation, ObservationListQuery, ObservationPatch, ObservationPut } from '../../../shared/api/observations.js';
import type { ObservationStatus, Urgency } from '../../../shared/domain/categories.js';
import type { ObservationTable } from '../../platform/db/schema.js';
import { addDays, zonedInstant } from '../../../shared/domain/time.js';
import { outcomesOf, type Outcome } from './outcomes.repository.js';
import * as repo from './observations.repository.js';
import { historyOf } from '../audit/audit.service.js';
import type { AuditEntry } from '../../../shared/api/audit.js';
import { categoriesOf } from './reference-cache.js';
import { assertCategory, assertObservedAt, guardText, placeOf, shiftOf } from './observation-rules.js';
import { runningShiftAt } from './neighbours.repository.js';
import { cleanPhoto, MAX_PHOTO_BYTES } from '../../platform/files/photos.js';

export { MAX_PHOTO_BYTES };

const EDIT_HOURS = 24;

/** Key order fixed, so the same content always hashes the same; delivery hints are not content. */
export function contentHash(input: ObservationPut): string {
  const keys = (Object.keys(input) as (keyof ObservationPut)[]).filter((k) => k !== 'photosToFollow').sort();
  return createHash('sha256')
    .update(JSON.stringify(keys.map((k) => [k, input[k]])))
    .digest('hex');
}

/** Where it stands: handed to the police, a note needing nothing, or open. Action items (issue 5) will refine "open". */
export function statusOf(r: Pick<repo.ObservationRow, 'handed_to_police_at' | 'urgency'>): ObservationStatus {
  if (r.handed_to_police_at) return 'handed_to_police';
  return r.urgency === 'note' ? 'no_action' : 'open';
}

function toObservation(r: repo.ObservationRow, language: 'sv' | 'en', photos: repo.PhotoRow[], outcomes = new Map<string, Outcome>()): Observation {
  const id = publicIdOf(r);
  return {
    id,
    categoryId: r.category_id,
    categoryCode: r.category_code,
    categoryLabel: language === 'en' ? r.label_en : r.label_sv,
    icon: r.icon,
    urgency: r.urgency as Urgency,
    status: statusOf(r),
    text: r.text,
    lat: Number(r.lat),
    lng: Number(r.lng),
    accuracyM: r.accuracy_m,
    areaId: r.area_id,
    areaName: r.area_name,
    address: r.address,
    observedAt: r.observed_at,
    shiftId: r.shift_id,
    vehicleId: r.vehicle_id,
    authorMemberId: r.author_member_id,
    authorName: r.author_name,
    viaOpen311: r.open311_source,
    needsPlacing: r.needs_placing === 1,
    handedToPolice: r.handed_to_police_at ? { at: r.handed_to_police_at, reference: r.police_reference } : null,
    call112: r.call_112_at ? { at: r.call_112_at, reference: r.call_reference } : null,
    photos: photos
      .filter((p) => p.observation_id === r.id)
      .map((p) => ({ sha256: p.sha256, width: p.width, height: p.height, url: `/api/observations/${id}/photos/${p.sha256}` })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    editableUntil: new Date(Date.parse(r.created_at) + EDIT_HOURS * 3_600_000).toISOString(),
    outcome: outcomes.get(r.id) ?? null,
  };
}

async function viewOne(ctx: AppContext, actor: Actor, row: repo.ObservationRow): Promise<Observation> {
  const [photos, outcomes] = await Promise.all([repo.photosOf(ctx.db, actor.associationId, [row.id]), outcomesOf(ctx.db, actor.associationId, [row.id])]);
  return toObservation(row, actor.language, photos, outcomes);
}

/** A category and its subcategories (an unknown id matches nothing). */
async function withSubcategories(ctx: AppContext, associationId: string, categoryId: string): Promise<string[]> {
  const all = [...(await categoriesOf(ctx.db, associationId)).values()];
  return all.filter((c) => c.id === categoryId || c.parent_id === categoryId).map((c) => c.id);
}

/** What this actor may see of one observation: coordinators all; a member their own and those of shifts they rode. */
async function visible(ctx: AppContext, actor: Actor, id: string): Promise<repo.ObservationRow> {
  authorize(actor, 'observation.create');
  const row = await repo.findObservation(ctx.db, actor.associationId, id);
  if (!row) throw notFound();
  if (can(actor, 'observation.listAll') || row.author_member_id === actor.memberId) return row;
  if (row.shift_id && (await repo.rodeShift(ctx.db, row.shift_id, actor.memberId))) return row;
  throw notFound();
}

/**
 * Compares a repeated PUT with what the association stored under the id: the
 * same content is answered from the store, other content is refused. What
 * other associations hold plays no part (see public-id.ts).
 */
async function existing(ctx: AppContext, actor: Actor, id: string, hash: string): Promise<Observation | undefined> {
  const found = await repo.findOwn(ctx.db, actor.associationId, id);
  if (!found) return undefined;
  if (found.content_hash !== hash) throw new AppError('observation_conflict');
  return viewOne(ctx, actor, (await repo.findObservation(ctx.db, actor.associationId, id))!);
}

export async function putObservation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ObservationPut,
): Promise<{ created: boolean; observation: Observation }> {
  authorize(actor, 'observation.create');
  const hash = contentHash(input);
  let row: Selectable<ObservationTable>;
  let names: Pick<repo.ObservationRow, 'category_code' | 'label_sv' | 'label_en' | 'icon' | 'area_name' | 'author_name' | 'open311_source'>;
  try {
    const now = ctx.clock.now();
    assertObservedAt(input.observedAt, now);
    if (input.callMadeAt) assertObservedAt(input.callMadeAt, now);
    const text = guardText(input.text, input.handedToPolice);
    const category = await assertCategory(ctx.db, actor.associationId, input.categoryId);
    let shiftId = input.shiftId;
    let vehicleId = await shiftOf(ctx.db, actor.associationId, input.shiftId, actor.memberId, can(actor, 'observation.listAll'));
    if (!shiftId) {
      // Not said: the shift the member was out on when they saw it owns the capture.
      const running = await runningShiftAt(ctx.db, actor.associationId, actor.memberId, input.observedAt);
      if (running) [shiftId, vehicleId] = [running.id, running.vehicle_id];
    }
    const area = await placeOf(ctx.db, actor.associationId, input.lat, input.lng);
    const stamp = nowIso();
    row = {
      id,
      association_id: actor.associationId,
      author_member_id: actor.memberId,
      shift_id: shiftId,
      vehicle_id: vehicleId,
      category_id: input.categoryId,
      urgency: input.urgency,
      text,
      lat: input.lat,
      lng: input.lng,
      accuracy_m: input.accuracyM,
      area_id: area?.id ?? null,
      address: input.address,
      observed_at: input.observedAt,
      handed_to_police_at: input.handedToPolice ? input.observedAt : null,
      police_reference: input.handedToPolice ? input.policeReference : null,
      call_112_at: input.callMadeAt,
      call_reference: input.callMadeAt ? input.callReference : null,
      content_hash: hash,
      created_at: stamp,
      updated_at: stamp,
      routed_at: null,
      open311_key_id: null,
      media_url: null,
      client_id: null,
      photos_expected: input.photosToFollow,
      needs_placing: 0,
    };
    names = {
      category_code: category.code,
      label_sv: category.label_sv,
      label_en: category.label_en,
      icon: category.icon,
      area_name: area?.name ?? null,
      author_name: actor.name,
      open311_source: null,
    };
  } catch (err) {
    // A retry of what is already stored is answered from the store, even if a rule has changed since (a category disabled, time passed).
    const stored = await existing(ctx, actor, id, hash);
    if (stored) return { created: false, observation: stored };
    throw err;
  }
  const audit = {
    associationId: actor.associationId,
    actorMemberId: actor.memberId,
    action: 'observation.create',
    entityType: 'observation',
    entityId: id,
    after: { categoryId: input.categoryId, urgency: input.urgency, areaId: row.area_id, shiftId: row.shift_id, handedToPolice: input.handedToPolice },
  } as const;
  if (!(await repo.insertObservationAudited(ctx.db, ctx.dialect, row, audit))) {
    const stored = await existing(ctx, actor, id, hash);
    if (stored) return { created: false, observation: stored };
    // Another association holds the id: this one gets its own row under an id of the server's, answered exactly as any new one.
    row = { ...row, id: newId(), client_id: id };
    if (!(await repo.insertObservationAudited(ctx.db, ctx.dialect, row, audit)))
      return { created: false, observation: (await existing(ctx, actor, id, hash))! };
  }
  // Answered from what was written: no second read on the path every phone takes.
  return { created: true, observation: toObservation({ ...row, ...names }, actor.language, []) };
}

export async function getObservation(ctx: AppContext, actor: Actor, id: string): Promise<Observation> {
  return viewOne(ctx, actor, await visible(ctx, actor, id));
}

export async function listObservations(ctx: AppContext, actor: Actor, q: ObservationListQuery): Promise<{ items: Observation[]; nextCursor: string | null }> {
  authorize(actor, 'observation.create');
  let before: { observedAt: string; id: string } | undefined;
  if (q.cursor) {
    const [observedAt, cursorId] = q.cursor.split('|');
    if (!observedAt || !cursorId || Number.isNaN(Date.parse(observedAt)))
      throw new AppError('validation', [{ field: 'cursor', message: 'error.field.invalid' }]);
    // The cursor names the id the association knows; the order is by the row's own.
    before = { observedAt, id: (await repo.findOwn(ctx.db, actor.associationId, cursorId))?.id ?? cursorId };
  }
  const rows = await repo.listObservations(ctx.db, actor.associationId, {
    fromIso: q.from ? zonedInstant(q.from, '00:00').toISOString() : undefined,
    toIso: q.to ? zonedInstant(addDays(q.to, 1), '00:00').toISOString() : undefined,
    categoryIds: q.categoryId ? await withSubcategories(ctx, actor.associationId, q.categoryId) : undefined,
    urgency: q.urgency,
    status: q.status,
    areaId: q.areaId,
    vehicleId: q.vehicleId,
    memberId: q.memberId,
    shiftId: q.shiftId,
    visibleTo: can(actor, 'observation.listAll') ? undefined : actor.memberId,
    before,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const ids = page.map((r) => r.id);
  const [photos, outcomes] = await Promise.all([repo.photosOf(ctx.db, actor.associationId, ids), outcomesOf(ctx.db, actor.associationId, ids)]);
  return {
    items: page.map((r) => toObservation(r, actor.language, photos, outcomes)),
    nextCursor: rows.length > q.limit && last ? `${last.observed_at}|${publicIdOf(last)}` : null,
  };
}

/** Observations needing action that no rule sent, counted up to a cap (the coordinators' start page). */
export async function countNotSent(ctx: AppContext, actor: Actor, cap: number): Promise<number> {
  authorize(actor, 'observation.listAll');
  return repo.countMatching(ctx.db, actor.associationId, { status: 'not_sent' }, cap);
}

export async function patchObservation(ctx: AppContext, actor: Actor, id: string, input: ObservationPatch): Promise<Observation> {
  const before = await visible(ctx, actor, id);
  const staff = can(actor, 'observation.editAny');
  if (!staff) {
    if (before.author_member_id !== actor.memberId) throw new AppError('forbidden');
    if (ctx.clock.now().getTime() > Date.parse(before.created_at) + EDIT_HOURS * 3_600_000) throw new AppError('edit_window_closed');
  }
  const handedToPolice = input.handedToPolice ?? before.handed_to_police_at !== null;
  const text = input.text !== undefined ? guardText(input.text, handedToPolice) : handedToPolice ? null : before.text;
  await ctx.db.transaction().execute(async (trx) => {
    if (input.categoryId) await assertCategory(trx, actor.associationId, input.categoryId);
    const lat = input.lat ?? Number(before.lat);
    const lng = input.lng ?? Number(before.lng);
    const areaId = input.lat !== undefined || input.lng !== undefined ? ((await placeOf(trx, actor.associationId, lat, lng))?.id ?? null) : before.area_id;
    const changes = {
      category_id: input.categoryId ?? before.category_id,
      urgency: input.urgency ?? before.urgency,
      text,
      lat,
      lng,
      area_id: areaId,
      // Placed by hand: it is routed now.
      needs_placing: input.lat !== undefined || input.lng !== undefined ? 0 : before.needs_placing,
      handed_to_police_at: handedToPolice ? (before.handed_to_police_at ?? nowIso()) : null,
      police_reference: handedToPolice ? (input.policeReference !== undefined ? input.policeReference : before.police_reference) : null,
    };
    await repo.updateObservation(trx, actor.associationId, before.id, { ...changes, updated_at: nowIso() });
    const pick = (r: typeof changes) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) });
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'observation.update',
      entityType: 'observation',
      entityId: id,
      ...changedFields(
        pick({ ...changes, ...Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])) } as typeof changes),
        pick(changes),
      ),
    });
  });
  // One that waited to be placed is routed now.
  if (before.needs_placing === 1) ctx.jobs.kick();
  return getObservation(ctx, actor, id);
}

/**
 * Adds a photo to an observation (its author within the edit window, or a
 * coordinator). The photo is cleaned of all metadata by re-encoding; sending
 * the same photo again adds nothing, because the cleaned bytes hash the same.
 */
export async function addPhoto(ctx: AppContext, actor: Actor, id: string, bytes: unknown): Promise<Observation> {
  // No body: nothing to clean. A body of another type (text, JSON): not an image.
  if (bytes === undefined || bytes === null || (Buffer.isBuffer(bytes) && bytes.length === 0)) {
    throw new AppError('validation', [{ field: 'photo', message: 'error.field.required' }]);
  }
  if (!Buffer.isBuffer(bytes)) throw new AppError('unsupported_media_type', [{ field: 'photo', message: 'error.photo.not_an_image' }]);
  const row = await visible(ctx, actor, id);
  if (!can(actor, 'observation.editAny')) {
    if (row.author_member_id !== actor.memberId) throw new AppError('forbidden');
    if (ctx.clock.now().getTime() > Date.parse(row.created_at) + EDIT_HOURS * 3_600_000) throw new AppError('edit_window_closed');
  }
  const photo = await cleanPhoto(bytes);
  const sha256 = await ctx.files.put(photo.bytes);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPhoto(trx, {
      observation_id: row.id,
      sha256,
      association_id: actor.associationId,
      mime: photo.mime,
      width: photo.width,
      height: photo.height,
      bytes: photo.bytes.length,
      created_at: nowIso(),
    });
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'observation.photo',
      entityType: 'observation',
      entityId: id,
      after: { sha256, width: photo.width, height: photo.height },
    });
    // Routed already: the recipients who have the observation get the photo after it.
    if (row.routed_at) await enqueueJob(trx, { kind: PHOTO_ARRIVED, associationId: actor.associationId, payload: { observationId: row.id, sha256 } });
  });
  // An observation that waited for its photo is routed now, and a follow-up goes out.
  ctx.jobs.kick();
  return getObservation(ctx, actor, id);
}

/** A photo's bytes, for those who may see its observation. */
export async function getPhoto(ctx: AppContext, actor: Actor, id: string, sha256: string): Promise<Buffer> {
  const row = await visible(ctx, actor, id);
  const photos = await repo.photosOf(ctx.db, actor.associationId, [row.id]);
  if (!photos.some((p) => p.sha256 === sha256)) throw notFound();
  const bytes = await ctx.files.get(sha256);
  if (!bytes) throw notFound();
  return bytes;
}

/** A viewport is divided into this grid when it holds too many observations to show one by one. */
const MAP_COLUMNS = 16;
const MAP_ROWS = 12;
const MAP_POINTS = 300;

/** The viewport and filter of a map query; partners and staff see every observation, a volunteer their own. */
export async function mapFilter(ctx: AppContext, actor: Actor, q: MapQuery) {
  authorize(actor, 'map.read');
  const [west, south, east, north] = q.bbox;
  const viewport = { west, south, east, north };
  const filter = {
    fromIso: q.from ? zonedInstant(q.from, '00:00').toISOString() : undefined,
    toIso: q.to ? zonedInstant(addDays(q.to, 1), '00:00').toISOString() : undefined,
    categoryIds: q.categoryId ? await withSubcategories(ctx, actor.associationId, q.categoryId) : undefined,
    urgency: q.urgency,
    visibleTo: actor.kind === 'partner' || can(actor, 'observation.listAll') ? undefined : actor.memberId,
  };
  return { viewport, filter };
}

/**
 * The observations in a map viewport: each one when there are few, otherwise
 * clustered on the server by a grid over the viewport, so any zoom on any
 * number of observations answers with at most a few hundred markers.
 */
export async function mapObservations(ctx: AppContext, actor: Actor, q: MapQuery): Promise<MapResult> {
  const { viewport, filter } = await mapFilter(ctx, actor, q);
  const cells = await repo.cellsInView(ctx.db, ctx.dialect, actor.associationId, filter, viewport, MAP_COLUMNS, MAP_ROWS);
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  // A partner sees where things were seen, all of them, but cannot open one: no ids, so no text or author.
  const hideIds = actor.kind === 'partner';
  const markers =
    total <= MAP_POINTS
      ? await repo.pointsInView(ctx.db, actor.associationId, filter, viewport, MAP_POINTS)
      : cells.map(({ lat, lng, count, id }) => ({ lat, lng, count, id }));
  return { total, clustered: total > MAP_POINTS, markers: hideIds ? markers.map((m) => ({ ...m, id: null })) : markers };
}

/** What happened to an observation (made, changed, photos added): for those who may see it. */
export async function observationHistory(ctx: AppContext, actor: Actor, id: string): Promise<AuditEntry[]> {
  await visible(ctx, actor, id);
  return historyOf(ctx, actor.associationId, 'observation', id);
}
