/**
 * Delivery to a recipient's Open311 GeoReport v2 endpoint: POST requests
 * (form-encoded, with the recipient's API key and its service code for the
 * category), keep the service_request_id (or the token, until it resolves to
 * one), then poll GET requests/{id} until the request is closed. A 4xx answer
 * fails at once with the endpoint's own description; a 5xx, a timeout or an
 * answer that is not the spec's JSON is retried with back-off by the job queue.
 *
 * Exactly once at the recipient: a POST that got no answer in time may have
 * made the request all the same. Each request's description ends with the
 * item's reference ("Grannstöd <item id>"), and the next attempt first looks
 * for it among the recipient's requests since the item was made: found, its
 * id is kept and nothing is posted again; surely absent, it posts; when the
 * list cannot be read, the item goes to the coordinators to check by hand.
 * POSTs wait four times the read timeout: a slow endpoint should answer.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { AppContext } from '../../context.js';
import { enqueueJob } from '../../platform/jobs/jobs.repository.js';
import { PermanentJobError, type JobHandler } from '../../platform/jobs/job-worker.js';
import * as repo from './action-items.repository.js';
import { findRecipientRow, type RecipientRow } from './recipients.repository.js';
import { OPEN311_SUBMIT } from './channels/open311.js';
import { applyAnswer } from './answers.js';
import { placeOf } from './item-mail.js';
import { categoryCode, itemAssociation } from './follow-up.repository.js';
import { OutgoingError, outgoingRequest, type OutgoingRequest, type OutgoingResponse } from '../../platform/http/outgoing.js';
import { photoLink } from './photo-links.js';

export const OPEN311_POLL = 'open311.poll';
/** How often an open request is asked about. */
export const POLL_EVERY_MS = 6 * 3_600_000;

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['request', 'error'].includes(name) });

/** The spec's answer as a list, from JSON or from XML (service_requests/request, errors/error); null when it is neither. */
function parseAnswer(text: string, contentType: string): unknown[] | null {
  if (contentType.includes('xml') || text.trimStart().startsWith('<')) {
    if (XMLValidator.validate(text) !== true) return null;
    const doc = xml.parse(text) as Record<string, Record<string, unknown[]> | undefined>;
    const list = doc.service_requests?.request ?? doc.errors?.error;
    return Array.isArray(list) ? list : null;
  }
  try {
    const body = JSON.parse(text) as unknown;
    return Array.isArray(body) ? body : null;
  } catch {
    return null;
  }
}

/**
 * One call to the recipient's endpoint, through the outgoing-request guard (no private
 * addresses, no redirects). Failures name their kind and the host, never the answer's
 * body nor the URL (reads carry the API key in their query).
 */
async function call(ctx: AppContext, url: string, init: OutgoingRequest): Promise<unknown[]> {
  const host = new URL(url).host;
  let res: OutgoingResponse;
  try {
    const policy = outgoingPolicy(ctx);
    if (init.method === 'POST') policy.timeoutMs *= POST_TIMEOUT_FACTOR;
    res = await outgoingRequest(url, { ...init, headers: { accept: 'application/json', ...init.headers } }, policy);
  } catch (err) {
    const reason = err instanceof OutgoingError ? err.message : 'the call failed';
    if (err instanceof OutgoingError && (err.kind === 'bad_url' || err.kind === 'address_refused' || err.kind === 'redirect')) {
      throw new PermanentJobError(`Open311 ${host}: ${reason}`);
    }
    throw new Error(`Open311 ${host}: ${reason}`);
  }
  const body = parseAnswer(res.text, res.contentType);
  if (res.status >= 400 && res.status < 500) {
    // The spec's error code (a number) says which kind of refusal; its description is the other side's words and stays out.
    const code = (body?.[0] as { code?: unknown } | undefined)?.code;
    throw new PermanentJobError(
      `Open311 ${host}: HTTP ${res.status}${typeof code === 'number' || /^\d{1,4}$/.test(String(code)) ? ` (error code ${String(code)})` : ''}`,
    );
  }
  if (res.status >= 500) throw new Error(`Open311 ${host}: HTTP ${res.status}`);
  if (!body) throw new Error(`Open311 ${host}: HTTP ${res.status}, the answer is not the spec's JSON or XML`);
  return body;
}

const outgoingPolicy = (ctx: AppContext) => ({ allowHosts: ctx.config.outgoingAllowHosts, timeoutMs: ctx.config.open311TimeoutMs });
/** A POST makes something at the other end: it gets longer than a read before its outcome counts as unknown. */
const POST_TIMEOUT_FACTOR = 4;
/** The line every request's description ends with: how a later attempt finds a request made by one that got no answer. */
export const itemReference = (itemId: string) => `Grannstöd ${itemId}`;

/**
 * The id of the request carrying this reference among the recipient's requests of
 * the service since the item was made; null when the list surely lacks it.
 * Throws when the list cannot be read (the endpoint does not offer it, or fails).
 */
async function requestMadeBefore(ctx: AppContext, recipient: RecipientRow, serviceCode: string, reference: string, since: string) {
  const url = new URL(endpoint(recipient, 'requests.json', true));
  url.searchParams.set('service_code', serviceCode);
  url.searchParams.set('start_date', new Date(Date.parse(since) - 60_000).toISOString());
  url.searchParams.set('end_date', new Date(ctx.clock.now().getTime() + 60_000).toISOString());
  const list = (await call(ctx, url.toString(), {})) as { service_request_id?: unknown; description?: unknown }[];
  const mine = list.find((r) => String(r.description ?? '').includes(reference) && r.service_request_id);
  return mine ? String(mine.service_request_id) : null;
}

/** Reads carry the key too: the spec leaves it optional, but servers whose requests are not public (this project's own) ask for it. */
const endpoint = (r: RecipientRow, path: string, read = false) => {
  // The recipient's path is kept and the spec's path segments are appended with the URL API, each one encoded.
  const url = new URL(r.open311_url!);
  url.pathname = [url.pathname.replace(/\/+$/, ''), ...path.split('/').map(encodeURIComponent)].join('/');
  if (r.open311_jurisdiction) url.searchParams.set('jurisdiction_id', r.open311_jurisdiction);
  if (read && r.open311_api_key) url.searchParams.set('api_key', r.open311_api_key);
  return url.toString();
};

/** The request exists at the recipient: its id (or token) kept, the item sent, its first poll planned. */
async function recordSent(ctx: AppContext, item: repo.ItemRow, requestId: string | null, token: string | null): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, item.association_id, item.id, { open311_request_id: requestId, open311_token: token }, ['queued']);
    await applyAnswer(trx, ctx, item, { state: 'sent', externalReference: requestId ?? undefined, note: null }, {}, now);
    await enqueueJob(trx, {
      kind: OPEN311_POLL,
      associationId: item.association_id,
      payload: { itemId: item.id },
      runAt: new Date(now.getTime() + POLL_EVERY_MS),
    });
  });
}

export function open311Handlers(getCtx: () => AppContext): Record<string, JobHandler> {
  return {
    [OPEN311_SUBMIT]: async (payload, job) => {
      const ctx = getCtx();
      const itemId = String(payload.itemId);
      const item = await repo.findItem(ctx.db, job.associationId!, itemId);
      if (!item || item.state !== 'queued') return;
      const recipient = (await findRecipientRow(ctx.db, item.association_id, item.recipient_id))!;
      const code = await categoryCode(ctx.db, item.association_id, item.category_id);
      const codes = JSON.parse(recipient.open311_service_codes) as Record<string, string>;
      const serviceCode = codes[code] ?? codes['*'];
      if (!serviceCode) throw new PermanentJobError(`no Open311 service code for the category ${code}`);
      const reference = itemReference(itemId);
      // The last attempt got no answer: the request may exist. Look before posting again.
      if (job.lastError?.includes('no answer within')) {
        let made: string | null;
        try {
          made = await requestMadeBefore(ctx, recipient, serviceCode, reference, item.created_at);
        } catch {
          // A coordinator's retry (attempts start again at 1) is their decision to send; the queue's own is not.
          if (job.attempts > 1) throw new PermanentJobError(`${job.lastError}; the request may have been made and cannot be looked up: check by hand`);
          made = null;
        }
        if (made) return recordSent(ctx, item, made, null);
      }
      const [first] = await repo.observationsOfItems(ctx.db, item.association_id, [itemId]);
      const form = new URLSearchParams({
        api_key: recipient.open311_api_key ?? '',
        service_code: serviceCode,
        lat: String(item.lat),
        long: String(item.lng),
        description: `${([first?.text, first && placeOf(first)].filter(Boolean).join('\n') || serviceCode).slice(0, 4000 - reference.length - 2)}\n\n${reference}`,
      });
      if (recipient.open311_jurisdiction) form.set('jurisdiction_id', recipient.open311_jurisdiction);
      if (first?.address) form.set('address_string', first.address);
      // The photo by a signed address that expires: the recipient's system fetches it without an account.
      const photo = first?.photos[0];
      if (photo) form.set('media_url', photoLink(ctx.linkSecret, ctx.config.publicUrl, item.association_id, photo.sha256, ctx.clock.now()));
      const body = (await call(ctx, endpoint(recipient, 'requests.json'), {
        method: 'POST',
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })) as {
        service_request_id?: string;
        token?: string;
      }[];
      const requestId = body[0]?.service_request_id ?? null;
      const token = body[0]?.token ?? null;
      if (!requestId && !token) throw new Error('Open311: the answer has neither service_request_id nor token');
      await recordSent(ctx, item, requestId ? String(requestId) : null, token ? String(token) : null);
    },
    [OPEN311_POLL]: async (payload, job) => {
      const ctx = getCtx();
      const itemId = String(payload.itemId);
      let item = await repo.findItem(ctx.db, job.associationId!, itemId);
      if (!item || ['resolved', 'rejected', 'not_responsible', 'duplicate'].includes(item.state)) return;
      const recipient = (await findRecipientRow(ctx.db, item.association_id, item.recipient_id))!;
      let requestId = item.open311_request_id;
      if (!requestId && item.open311_token) {
        const t = (await call(ctx, endpoint(recipient, `tokens/${item.open311_token}.json`, true), {})) as {
          service_request_id?: string;
        }[];
        requestId = t[0]?.service_request_id ? String(t[0].service_request_id) : null;
        if (requestId) await repo.updateItem(ctx.db, item.association_id, itemId, { open311_request_id: requestId, external_reference: requestId });
      }
      const now = ctx.clock.now();
      if (requestId) {
        const r = (await call(ctx, endpoint(recipient, `requests/${requestId}.json`, true), {})) as {
          status?: string;
          status_notes?: string | null;
        }[];
        const status = r[0]?.status;
        if (status !== 'open' && status !== 'closed') throw new Error(`Open311: unknown status ${String(status)}`);
        item = (await repo.findItem(ctx.db, item.association_id, itemId))!;
        const next = status === 'closed' ? 'resolved' : item.state === 'sent' ? 'acknowledged' : null;
        if (next) {
          await ctx.db.transaction().execute(async (trx) => {
            await applyAnswer(trx, ctx, item!, { state: next, note: r[0]?.status_notes ?? null }, { byRecipient: true }, now);
          });
        }
        if (status === 'closed') return;
      }
      await enqueueJob(ctx.db, { kind: OPEN311_POLL, associationId: item.association_id, payload: { itemId }, runAt: new Date(now.getTime() + POLL_EVERY_MS) });
    },
  };
}

/** Shows a failing Open311 delivery on its item, and on the timeline once it has failed for good. */
export function open311Failure(getCtx: () => AppContext) {
  return async (kind: string, payload: Record<string, unknown>, error: string, final: boolean): Promise<void> => {
    if (kind !== OPEN311_SUBMIT) return;
    const ctx = getCtx();
    const item = await itemAssociation(ctx.db, String(payload.itemId));
    if (!item) return;
    const at = ctx.clock.now().toISOString();
    await repo.updateItem(ctx.db, item.association_id, item.id, { delivery_error: error.slice(0, 500), updated_at: at });
    if (final) await repo.addEvent(ctx.db, item.association_id, item.id, { kind: 'delivery_failed', note: error.slice(0, 500), at });
  };
}
