/**
 * The association's Open311 GeoReport v2 endpoint, for partner systems. Its
 * services are the association's categories; its service requests are the
 * observations that need something fixed, with their status taken from the
 * action items: closed when every recipient has closed theirs. A partner
 * system with a key submits requests, which become observations and are
 * routed like any other. Discovery and services are public; requests need a
 * key, since observations are not public, and never carry who made them.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { nowIso } from '../../platform/db/ids.js';
import { isClosed } from '../../../shared/domain/action-items.js';
import { categoriesWithDefaults } from '../observations/reads.service.js';
import { recordPartnerObservation } from '../observations/intake.service.js';
import { guardFields } from '../observations/observation-rules.js';
import { placeRequest } from './open311-place.js';
import * as repo from './open311.repository.js';
import { hashKey } from './open311-keys.service.js';

/** An answer in the spec's error format: the HTTP status and a description for the partner's developer. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/** The spec's default span of a request list (the longest one asked for), the longest description, and the most one answer holds. */
const DEFAULT_DAYS = 90;
const MAX_DESCRIPTION = 4000;
export const MAX_REQUESTS = 1000;
/** Categories that are never a request: nothing to fix. */
const NOT_A_SERVICE = new Set(['nothing-to-report']);

// ---- The GeoReport v2 endpoint ----

export type Query = Record<string, string | undefined>;

/** The association asked for: by jurisdiction_id, or the only one there is. */
export async function jurisdiction(ctx: AppContext, q: Query) {
  if (q.jurisdiction_id) {
    const found = await repo.findAssociation(ctx.db, q.jurisdiction_id);
    if (!found) throw new Open311Error(404, 'jurisdiction_id was not found');
    return found;
  }
  const all = await repo.associationIds(ctx.db, 2);
  if (all.length !== 1) throw new Open311Error(400, 'jurisdiction_id is required: this server serves several associations');
  return all[0]!;
}

/** The key's association, which must be the jurisdiction asked for, if any. */
async function keyHolder(ctx: AppContext, q: Query, forSubmitting: boolean): Promise<repo.KeyRow> {
  if (!q.api_key) throw new Open311Error(403, 'api_key is required');
  const key = await repo.findKeyByHash(ctx.db, hashKey(q.api_key));
  if (!key) throw new Open311Error(403, 'api_key is not valid');
  if (q.jurisdiction_id && q.jurisdiction_id !== key.association_id) throw new Open311Error(403, 'api_key is not valid for this jurisdiction_id');
  if (forSubmitting && key.may_submit !== 1) throw new Open311Error(403, 'api_key may read requests but not submit them');
  await repo.touchKey(ctx.db, key.id, nowIso());
  return key;
}

export function discovery(ctx: AppContext) {
  const url = `${ctx.config.publicUrl.replace(/\/$/, '')}/open311/v2`;
  return {
    changeset: '2026-11-27T00:00:00Z',
    contact: 'The association that runs this server: ask its administrator for an api_key.',
    key_service: ctx.config.publicUrl,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url,
        changeset: '2026-11-27T00:00:00Z',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

async function serviceCategories(ctx: AppContext, associationId: string) {
  const all = await categoriesWithDefaults(ctx.db, associationId);
  return { all, services: all.filter((c) => c.enabled === 1 && !NOT_A_SERVICE.has(c.code)) };
}

export async function services(ctx: AppContext, q: Query) {
  const association = await jurisdiction(ctx, q);
  const lang = association.default_language === 'en' ? 'en' : 'sv';
  const { all, services } = await serviceCategories(ctx, association.id);
  const label = (c: { label_sv: string; label_en: string }) => (lang === 'en' ? c.label_en : c.label_sv);
  return services.map((c) => {
    const parent = all.find((p) => p.id === c.parent_id);
    return {
      service_code: c.code,
      service_name: label(c),
      description: `${label(c)} (${association.name})`,
      metadata: false,
      type: 'realtime',
      keywords: c.code.replace(/-/g, ', '),
      group: parent ? label(parent) : label(c),
    };
  });
}

export async function serviceDefinition(ctx: AppContext, q: Query, code: string) {
  const association = await jurisdiction(ctx, q);
  const { services } = await serviceCategories(ctx, association.id);
  if (!services.some((c) => c.code === code)) throw new Open311Error(404, `service_code ${code} was not found`);
  // No extra attributes: a description, a place and a picture say all a crew notes.
  return { service_code: code, attributes: [] };
}

const W3C = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function dateParam(q: Query, name: 'start_date' | 'end_date'): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  const year = Number(v.slice(0, 4));
  if (!W3C.test(v) || Number.isNaN(Date.parse(v)) || year < 1900 || year > 2100) {
    throw new Open311Error(400, `${name} must be a W3C date-time between the years 1900 and 2100, such as 2026-11-27T06:00:00Z`);
  }
  return new Date(v).toISOString();
}

const list = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reading needs a key: observations are not public (the privacy choice, in
 * docs/open311.md). An association that shows a public page may also let
 * anyone read a coarse view without one: each request at the middle of its
 * square of the public page's grid, on its day, with its category and status,
 * and nothing else (no words, address, picture, notes or real id).
 */
async function reader(ctx: AppContext, q: Query): Promise<{ associationId: string; coarse: boolean }> {
  if (q.api_key) return { associationId: (await keyHolder(ctx, q, false)).association_id, coarse: false };
  // Without a jurisdiction only an installation of one association is asked; otherwise a key is the way in.
  const only = q.jurisdiction_id ? null : await repo.associationIds(ctx.db, 2);
  const association = only ? (only.length === 1 ? only[0] : undefined) : await jurisdiction(ctx, q);
  if (association?.public_page !== 1) throw new Open311Error(403, 'api_key is required');
  if (q.service_request_id) throw new Open311Error(403, 'api_key is required to ask for requests by id');
  return { associationId: association.id, coarse: true };
}

const PUBLIC_CELL = { lat: 0.01, lng: 0.02 };
const cellMiddle = (v: number, size: number) => Number(((Math.floor(v / size) + 0.5) * size).toFixed(4));

function coarse(ctx: AppContext, r: Awaited<ReturnType<typeof requestsOf>>[number]) {
  return {
    service_request_id: createHash('sha256').update(`${ctx.linkSecret}\nopen311-public\n${r.service_request_id}`).digest('base64url').slice(0, 16),
    status: r.status,
    service_name: r.service_name,
    service_code: r.service_code,
    requested_datetime: `${r.requested_datetime.slice(0, 10)}T00:00:00Z`,
    lat: cellMiddle(Number(r.lat), PUBLIC_CELL.lat),
    long: cellMiddle(Number(r.long), PUBLIC_CELL.lng),
  };
}

export async function listRequests(ctx: AppContext, q: Query) {
  const { associationId, coarse: isCoarse } = await reader(ctx, q);
  const found = await requestList(ctx, associationId, q);
  return isCoarse ? found.map((r) => coarse(ctx, r)) : found;
}

async function requestList(ctx: AppContext, associationId: string, q: Query) {
  const key = { association_id: associationId };
  const ids = list(q.service_request_id);
  if (ids?.length) return requestsOf(ctx, key.association_id, { ids, limit: MAX_REQUESTS });
  const status = q.status?.trim();
  if (status && !['open', 'closed', 'open,closed', 'closed,open'].includes(status)) throw new Open311Error(400, 'status must be open or closed');
  let toIso = dateParam(q, 'end_date');
  let fromIso = dateParam(q, 'start_date');
  // As the spec: without dates the last 90 days; with one, 90 days from or up to it; never more than 90 days.
  const span = DEFAULT_DAYS * 86_400_000;
  if (!fromIso && !toIso) toIso = ctx.clock.now().toISOString();
  if (!fromIso) fromIso = new Date(Date.parse(toIso!) - span).toISOString();
  if (!toIso) toIso = new Date(Date.parse(fromIso) + span).toISOString();
  if (fromIso > toIso) throw new Open311Error(400, 'start_date is after end_date');
  if (Date.parse(toIso) - Date.parse(fromIso) > span) throw new Open311Error(400, `start_date and end_date may be at most ${DEFAULT_DAYS} days apart`);
  let categoryIds: string[] | undefined;
  const codes = list(q.service_code);
  if (codes?.length) {
    const { services } = await serviceCategories(ctx, key.association_id);
    const unknown = codes.find((c) => !services.some((s) => s.code === c));
    if (unknown) throw new Open311Error(404, `service_code ${unknown} was not found`);
    categoryIds = services.filter((s) => codes.includes(s.code)).map((s) => s.id);
  }
  return requestsOf(ctx, key.association_id, {
    categoryIds,
    fromIso,
    toIso,
    status: status === 'open' || status === 'closed' ? status : undefined,
    limit: MAX_REQUESTS,
  });
}

export async function getRequest(ctx: AppContext, q: Query, id: string) {
  const key = await keyHolder(ctx, q, false);
  const found = await requestsOf(ctx, key.association_id, { ids: [id], limit: 1 });
  if (found.length === 0) throw new Open311Error(404, `service_request_id ${id} was not found`);
  return found;
}

/** Observations as the spec's service requests: no author, and the answers of the recipients as status notes. */
async function requestsOf(ctx: AppContext, associationId: string, f: repo.RequestFilter) {
  const association = (await repo.findAssociation(ctx.db, associationId))!;
  const rows = await repo.serviceRequests(ctx.db, associationId, f);
  const { items, notes } = await repo.itemsOfRequests(
    ctx.db,
    associationId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const mine = items.filter((i) => i.observation_id === r.id);
    const mineIds = new Set(mine.map((i) => i.id));
    const lastNote = notes.filter((n) => mineIds.has(n.item_id)).at(-1);
    const open = mine.filter((i) => !isClosed(i.state));
    const dues = open.map((i) => i.due_at).filter((d): d is string => d !== null);
    const updated = [r.updated_at, ...mine.map((i) => i.updated_at)].sort().at(-1)!;
    return {
      service_request_id: r.public_id,
      status: r.closed === 1 ? 'closed' : 'open',
      status_notes: lastNote?.note ?? null,
      service_name: association.default_language === 'en' ? r.label_en : r.label_sv,
      service_code: r.code,
      description: r.text,
      agency_responsible: mine.length ? [...new Set(mine.map((i) => i.recipient_name))].join('; ') : association.name,
      service_notice: null,
      requested_datetime: r.observed_at,
      updated_datetime: updated,
      expected_datetime: dues.sort().at(-1) ?? null,
      address: r.address,
      address_id: null,
      zipcode: null,
      lat: r.lat,
      long: r.lng,
      media_url: r.media_url,
    };
  });
}

/** The observations feature's refusals in Open311's words: the field as the request named it. */
function open311Refusal(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  if (err.code === 'privacy_guard') {
    const byField = new Map<string, string[]>();
    for (const f of err.fields) byField.set(f.field, [...(byField.get(f.field) ?? []), f.message.replace('error.privacy.', '')]);
    const [field, kinds] = [...byField][0]!;
    const name = field === 'text' ? 'description' : field === 'address' ? 'address_string' : field;
    return new Open311Error(400, `${name} holds personal data (${kinds.join(', ')}): describe the place and the thing, not people`);
  }
  if (err.fields.some((f) => f.message === 'error.field.far_away'))
    return new Open311Error(400, 'lat and long are far outside the areas this association patrols');
  return err;
}

/** A partner system's request: an observation of the key's association, routed like any other. */
export async function submitRequest(ctx: AppContext, q: Query) {
  const key = await keyHolder(ctx, q, true);
  if (!q.service_code) throw new Open311Error(400, 'service_code is required');
  const { services } = await serviceCategories(ctx, key.association_id);
  const category = services.find((c) => c.code === q.service_code);
  if (!category) throw new Open311Error(404, `service_code ${q.service_code} was not found`);
  const description = q.description?.trim() || null;
  // The spec allows 4,000 characters; an observation sent on from another association fits whole.
  if (description && description.length > MAX_DESCRIPTION) throw new Open311Error(400, `description is longer than ${MAX_DESCRIPTION} characters`);
  const address = q.address_string?.trim().slice(0, 300) || null;
  // The observations feature's privacy guard, before the address goes to a geocoder: a place and a thing, never a person.
  try {
    guardFields({ description, address_string: address });
  } catch (err) {
    throw open311Refusal(err);
  }
  const { lat, lng, needsPlacing } = await placeRequest(ctx, key.association_id, q, address);
  const mediaUrl = q.media_url?.trim() || null;
  if (mediaUrl && (!/^https?:\/\//.test(mediaUrl) || mediaUrl.length > 500 || !URL.canParse(mediaUrl)))
    throw new Open311Error(400, 'media_url must be an http or https address of at most 500 characters');
  let id: string;
  try {
    id = await recordPartnerObservation(ctx, {
      associationId: key.association_id,
      authorMemberId: key.member_id,
      open311KeyId: key.id,
      open311KeyName: key.name,
      categoryId: category.id,
      urgency: repo.REQUEST_URGENCY,
      text: description,
      address,
      lat,
      lng,
      mediaUrl,
      needsPlacing,
    });
  } catch (err) {
    throw open311Refusal(err);
  }
  const notice = needsPlacing
    ? 'Placed by the association by hand before it is routed: the address could not be found on the map.'
    : 'Routed to the responsible recipients by the association.';
  return [{ service_request_id: id, service_notice: notice, account_id: null }];
}

/** Requests are made at once, so a token is the request's own id. */
export async function tokenOf(ctx: AppContext, q: Query, token: string) {
  const key = await keyHolder(ctx, q, false);
  const found = await repo.observationOfAssociation(ctx.db, key.association_id, token);
  if (!found) throw new Open311Error(404, `token ${token} was not found`);
  return [{ service_request_id: found.id, token }];
}
