/**
 * Delivery to a recipient's Open311 endpoint. First against this project's own
 * GeoReport v2 server, listening on loopback as another association's: the
 * request is made there, its id kept here, and polling brings the other side's
 * answer back. Then against an endpoint that fails in each way the issue names
 * (500, no answer, malformed JSON or XML, a 4xx), and one that answers with a
 * token in XML: retried, then failed with a clear reason, and nothing lost.
 */
import { createServer, type Server } from 'node:http';
import sharp from 'sharp';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import { routePending } from './routing-sweep.js';
import { OPEN311_SUBMIT } from './channels/open311.js';
import { OPEN311_POLL } from './open311-client.js';

let t: TestApp;
let sender: TestAssociation;
let receiver: TestAssociation;
let volunteer: TestMember;
let coordinator: TestMember;
let receiverCoordinator: TestMember;
let graffiti: string;
let base: string;
let fake: Server;
let fakeUrl: string;
/** What the misbehaving endpoint does next. */
let mode: 'ok' | '500' | 'hang' | 'bad-json' | 'bad-xml' | '400' | 'token' | 'redirect' | 'slow-create' | 'slow-create-no-list' | 'slowish' = 'ok';
const fakeRequests: string[] = [];
/** Requests the slow endpoint made, as its list (GET requests.json) shows them. */
const made: { service_request_id: string; description: string }[] = [];

// Answers in the spec's formats, as a city's GeoReport v2 server gives them.
const answers = {
  created: JSON.stringify([{ service_request_id: 'REQ-1', service_notice: '', account_id: null }]),
  token: JSON.stringify([{ token: 'tok-4711' }]),
  tokenResolved:
    '<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>REQ-9</service_request_id><token>tok-4711</token></request></service_requests>',
  closedXml:
    '<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>REQ-9</service_request_id><status>closed</status><status_notes>Sanerat av entreprenören.</status_notes><service_code>001</service_code></request></service_requests>',
  invalidCode: JSON.stringify([{ code: 400, description: 'Invalid service_code' }]),
};

beforeAll(async () => {
  // The endpoints here listen on loopback, which only the operator's allow-list opens to recipients' URLs.
  t = await createTestApp({ OPEN311_TIMEOUT_MS: '300', OUTGOING_ALLOW_HOSTS: '127.0.0.1' }, { fastRetries: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/open311/v2`;
  fake = createServer((req, res) => {
    fakeRequests.push(`${req.method} ${req.url}`);
    const send = (status: number, type: string, body: string) => res.writeHead(status, { 'content-type': type }).end(body);
    if (mode === 'hang') return; // Holds the connection open and never answers.
    // Makes the request at once and answers after 2 s (past the 1.2 s a POST waits), or after 0.6 s; lists what it made.
    if (mode.startsWith('slow') && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const id = `SLOW-${made.length + 1}`;
        made.push({ service_request_id: id, description: new URLSearchParams(body).get('description') ?? '' });
        setTimeout(() => send(201, 'application/json', JSON.stringify([{ service_request_id: id }])), mode === 'slowish' ? 600 : 2000);
      });
      return;
    }
    if (mode === 'slow-create-no-list' && req.url?.startsWith('/requests.json')) return send(404, 'text/plain', 'Not found');
    if (mode === 'slow-create' && req.url?.startsWith('/requests.json')) return send(200, 'application/json', JSON.stringify(made));
    if (mode === '500') return send(500, 'text/html', '<html><body>Internal Server Error: db password hunter2</body></html>');
    if (mode === 'redirect') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (mode === 'bad-json') return send(200, 'application/json', '[{"service_request_id": "REQ-');
    if (mode === 'bad-xml') return send(200, 'text/xml', '<service_requests><request><service_request_id>REQ-2</request>');
    if (mode === '400') return send(400, 'application/json', answers.invalidCode);
    if (mode === 'token' && req.method === 'POST') return send(201, 'application/json', answers.token);
    if (mode === 'token' && req.url?.startsWith('/tokens/tok-4711.json')) return send(200, 'text/xml', answers.tokenResolved);
    if (mode === 'token' && req.url?.startsWith('/requests/REQ-9.json')) return send(200, 'text/xml; charset=utf-8', answers.closedXml);
    return send(201, 'application/json', answers.created);
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;

  sender = await addAssociation(t, 'Grannstöd Huddinge');
  receiver = await addAssociation(t, 'Grannstöd Botkyrka');
  volunteer = await addMember(t, sender.associationId, ['volunteer']);
  coordinator = await addMember(t, sender.associationId, ['volunteer', 'coordinator']);
  receiverCoordinator = await addMember(t, receiver.associationId, ['volunteer', 'coordinator']);
  graffiti = ((await call(t, volunteer.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[]).find(
    (c) => c.code === 'graffiti',
  )!.id;
  // The receiving association routes graffiti to its municipality, by hand.
  const theirRecipient = (
    await call(t, receiver.admin.cookie, 'POST', '/api/recipients', {
      name: 'Botkyrka kommun',
      kind: 'municipality',
      channel: 'manual',
      manualInstructions: 'Ring kontaktcenter',
      responseDays: 3,
    })
  ).json().id;
  const theirGraffiti = ((await call(t, receiver.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[]).find(
    (c) => c.code === 'graffiti',
  )!.id;
  await call(t, receiver.admin.cookie, 'POST', '/api/routing-rules', { categoryId: theirGraffiti, areaId: null, recipientId: theirRecipient });
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => fake.close(resolve));
});

/** A recipient on the Open311 channel, the only one graffiti goes to while the test runs. */
async function open311Recipient(url: string, apiKey: string, jurisdiction: string | null, serviceCode = 'graffiti') {
  const recipient = await call(t, sender.admin.cookie, 'POST', '/api/recipients', {
    name: `Open311 ${uuidv7().slice(-6)}`,
    kind: 'municipality',
    channel: 'open311',
    open311Url: url,
    open311ApiKey: apiKey,
    open311Jurisdiction: jurisdiction,
    open311ServiceCodes: { graffiti: serviceCode },
    responseDays: 2,
  });
  expect(recipient.statusCode, recipient.body).toBe(201);
  const rules = (await call(t, sender.admin.cookie, 'GET', '/api/routing-rules')).json() as { id: string }[];
  for (const r of rules) await call(t, sender.admin.cookie, 'DELETE', `/api/routing-rules/${r.id}`);
  await call(t, sender.admin.cookie, 'POST', '/api/routing-rules', { categoryId: graffiti, areaId: null, recipientId: recipient.json().id });
}

let spot = 0;
async function observeAndRoute(photo?: Buffer): Promise<{ observationId: string; itemId: string }> {
  spot += 1;
  const observationId = uuidv7();
  const res = await call(t, volunteer.cookie, 'PUT', `/api/observations/${observationId}`, {
    photosToFollow: photo ? 1 : 0,
    categoryId: graffiti,
    urgency: 'needs_action',
    text: 'Klotter på tunneln under järnvägen',
    lat: 59.237 + spot * 0.003,
    lng: 17.982,
    accuracyM: 10,
    observedAt: new Date(Date.now() - 60_000).toISOString(),
  });
  expect(res.statusCode).toBe(201);
  if (photo) {
    // The phone said a photo follows: routing waits for it.
    await routePending(t.ctx);
    expect((await call(t, coordinator.cookie, 'GET', `/api/action-items?observationId=${observationId}`)).json()).toEqual([]);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/observations/${observationId}/photos`,
      headers: { cookie: volunteer.cookie, 'content-type': 'image/png' },
      payload: photo,
    });
    expect(sent.statusCode, sent.body).toBe(200);
  }
  await routePending(t.ctx);
  const [item] = (await call(t, coordinator.cookie, 'GET', `/api/action-items?observationId=${observationId}`)).json() as { id: string }[];
  return { observationId, itemId: item!.id };
}

const item = async (id: string) =>
  (await call(t, coordinator.cookie, 'GET', `/api/action-items/${id}`)).json() as {
    state: string;
    externalReference: string | null;
    deliveryError: string | null;
    events: { kind: string; state: string | null; note: string | null; by: string }[];
  };
const jobOf = (kind: string, itemId: string) =>
  t.ctx.db
    .selectFrom('jobs')
    .select(['id', 'status', 'attempts', 'last_error'])
    .where('kind', '=', kind)
    .where('payload', 'like', `%${itemId}%`)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
const jobById = (id: string) => t.ctx.db.selectFrom('jobs').select(['id', 'status', 'attempts', 'last_error']).where('id', '=', id).executeTakeFirst();
/** Runs the job worker until the job (the item's latest of that kind) is done or failed for good. */
async function settle(kind: string, itemId: string, jobId?: string) {
  for (let i = 0; i < 400; i++) {
    await t.jobWorker.drain();
    const job = jobId ? await jobById(jobId) : await jobOf(kind, itemId);
    if (job && (job.status === 'done' || job.status === 'failed')) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the ${kind} job of ${itemId} did not settle`);
}
/** The poll waits six hours; the test makes it due now. */
async function pollNow(itemId: string) {
  const job = (await jobOf(OPEN311_POLL, itemId))!;
  expect(job.status).toBe('pending');
  await t.ctx.db
    .updateTable('jobs')
    .set({ run_at: new Date(Date.now() - 1000).toISOString() })
    .where('id', '=', job.id)
    .execute();
  expect((await settle(OPEN311_POLL, itemId, job.id)).status).toBe('done');
}

describe('delivery to this project’s own Open311 server on loopback', () => {
  it('makes the request there, keeps its id, and polls the answer back until it is closed', async () => {
    const key = (await call(t, receiver.admin.cookie, 'POST', '/api/open311-keys', { name: 'Grannstöd Huddinge' })).json().key as string;
    await open311Recipient(base, key, receiver.associationId);
    const { itemId } = await observeAndRoute();
    expect((await settle(OPEN311_SUBMIT, itemId)).status).toBe('done');

    const sent = await item(itemId);
    expect(sent.state).toBe('sent');
    const theirId = sent.externalReference!;
    // On the other side it is an observation of theirs, routed by their own rules.
    const theirs = await call(t, receiverCoordinator.cookie, 'GET', `/api/observations/${theirId}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({ text: expect.stringContaining('Klotter på tunneln under järnvägen'), urgency: 'needs_action' });
    await routePending(t.ctx);
    const [theirItem] = (await call(t, receiverCoordinator.cookie, 'GET', `/api/action-items?observationId=${theirId}`)).json() as { id: string }[];

    // Open over there: acknowledged here.
    await pollNow(itemId);
    expect((await item(itemId)).state).toBe('acknowledged');

    await call(t, receiverCoordinator.cookie, 'PATCH', `/api/action-items/${theirItem!.id}`, { state: 'sent' });
    await call(t, receiverCoordinator.cookie, 'PATCH', `/api/action-items/${theirItem!.id}`, { state: 'resolved', note: 'Sanerat.' });
    await pollNow(itemId);
    const done = await item(itemId);
    expect(done.state).toBe('resolved');
    expect(done.events.at(-1)).toMatchObject({ kind: 'answered', state: 'resolved', note: 'Sanerat.', by: 'recipient' });
    // Closed: no more polling.
    expect(
      await t.ctx.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', OPEN311_POLL)
        .where('status', '=', 'pending')
        .where('payload', 'like', `%${itemId}%`)
        .execute(),
    ).toEqual([]);
  });

  it('sends the photo as a signed media_url that serves the image without an account, and refuses it altered or expired', async () => {
    const key = (await call(t, receiver.admin.cookie, 'POST', '/api/open311-keys', { name: 'Grannstöd Huddinge, bilder' })).json().key as string;
    await open311Recipient(base, key, receiver.associationId);
    const png = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#c00' } })
      .png()
      .toBuffer();
    const { itemId } = await observeAndRoute(png);
    expect((await settle(OPEN311_SUBMIT, itemId)).status).toBe('done');
    const theirId = (await item(itemId)).externalReference!;
    const { media_url } = await t.ctx.db.selectFrom('observations').select('media_url').where('id', '=', theirId).executeTakeFirstOrThrow();
    expect(media_url).toMatch(/^http:\/\/localhost:3000\/media\/[\w-]{70}\/[\w-]{43}\.jpg$/);
    const path = new URL(media_url!).pathname;
    const image = await t.app.inject({ method: 'GET', url: path });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toMatch(/^image\//);
    expect((await sharp(image.rawPayload).metadata()).width).toBe(16);
    // The address names no observation or person, and a changed character or a later date refuses it.
    expect(path).not.toContain(itemId);
    const altered = path.replace(/\/media\/([\w-])/, (_m, c: string) => `/media/${c === 'A' ? 'B' : 'A'}`);
    expect((await t.app.inject({ method: 'GET', url: altered })).statusCode).toBe(404);
    t.ctx.clock.now = () => new Date(Date.now() + 91 * 86_400_000);
    try {
      expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    } finally {
      t.ctx.clock.now = () => new Date();
    }
  });

  it('fails at once, with the HTTP status and the spec’s error code, when the key is refused', async () => {
    await open311Recipient(base, 'g311_not-a-key', receiver.associationId);
    const { itemId } = await observeAndRoute();
    const job = await settle(OPEN311_SUBMIT, itemId);
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    const failed = await item(itemId);
    expect(failed.state).toBe('queued');
    expect(failed.deliveryError).toContain('HTTP 403 (error code 403)');
    expect(failed.deliveryError).not.toContain('api_key is not valid');
    expect(failed.events.at(-1)).toMatchObject({ kind: 'delivery_failed' });
  });
});

describe('an endpoint that misbehaves', () => {
  it.each([
    ['answers 500', '500', 'HTTP 500'],
    ['answers malformed JSON', 'bad-json', "HTTP 200, the answer is not the spec's JSON or XML"],
    ['answers malformed XML', 'bad-xml', "HTTP 200, the answer is not the spec's JSON or XML"],
  ] as const)('is retried when it %s, then failed with a clear reason; a retry after it mends delivers the item once', async (_name, how, reason) => {
    await open311Recipient(fakeUrl, 'their-key', null);
    mode = how;
    const { itemId } = await observeAndRoute();
    const job = await settle(OPEN311_SUBMIT, itemId);
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(6);
    const failed = await item(itemId);
    expect(failed.state).toBe('queued');
    expect(failed.deliveryError).toContain(reason);
    // The kind of failure only: nothing of what the endpoint answered.
    expect(failed.deliveryError).not.toMatch(/hunter2|REQ-|<service_requests>/);
    expect(failed.events.filter((e) => e.kind === 'delivery_failed')).toHaveLength(1);

    mode = 'ok';
    const posts = fakeRequests.filter((r) => r.startsWith('POST')).length;
    expect((await call(t, coordinator.cookie, 'POST', `/api/action-items/${itemId}/retry`)).statusCode).toBe(200);
    expect((await settle(OPEN311_SUBMIT, itemId)).status).toBe('done');
    const sent = await item(itemId);
    expect(sent).toMatchObject({ state: 'sent', externalReference: 'REQ-1', deliveryError: null });
    expect(fakeRequests.filter((r) => r.startsWith('POST')).length).toBe(posts + 1);
  });

  it('fails at once on a 4xx, with the status and the spec’s error code, not its description', async () => {
    await open311Recipient(fakeUrl, 'their-key', null);
    mode = '400';
    const { itemId } = await observeAndRoute();
    expect(await settle(OPEN311_SUBMIT, itemId)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await item(itemId)).deliveryError).toBe(`Open311 ${new URL(fakeUrl).host}: HTTP 400 (error code 400)`);
  });

  it('follows a token to its request id, and reads answers in XML', async () => {
    await open311Recipient(fakeUrl, 'their-key', 'stockholm', '001');
    mode = 'token';
    const { itemId } = await observeAndRoute();
    expect((await settle(OPEN311_SUBMIT, itemId)).status).toBe('done');
    const post = fakeRequests.filter((r) => r.startsWith('POST')).at(-1)!;
    expect(post).toBe('POST /requests.json?jurisdiction_id=stockholm');
    expect((await item(itemId)).state).toBe('sent');
    await pollNow(itemId);
    const done = await item(itemId);
    expect(done).toMatchObject({ state: 'resolved', externalReference: 'REQ-9' });
    expect(done.events.at(-1)).toMatchObject({ note: 'Sanerat av entreprenören.', by: 'recipient' });
  });
});

describe('exactly once at the recipient', () => {
  const posts = () => fakeRequests.filter((r) => r.startsWith('POST')).length;

  it('a POST answered after its timeout made the request: the next attempt finds it by the item’s reference and posts nothing more', async () => {
    await open311Recipient(fakeUrl, 'their-key', null);
    mode = 'slow-create';
    const before = posts();
    const { itemId } = await observeAndRoute();
    const job = await settle(OPEN311_SUBMIT, itemId);
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
    expect(posts()).toBe(before + 1);
    expect(made.at(-1)!.description).toMatch(new RegExp(`\\n\\nGrannstöd ${itemId}$`));
    expect(await item(itemId)).toMatchObject({ state: 'sent', externalReference: made.at(-1)!.service_request_id, deliveryError: null });
    // The lookup asked for this service since the item was made, with the key.
    const lookup = fakeRequests.filter((r) => r.startsWith('GET /requests.json')).at(-1)!;
    expect(lookup).toMatch(/service_code=graffiti&start_date=.*&end_date=.*/);
    expect(lookup).toContain('api_key=their-key');
  });

  it('when the list cannot be read, the item goes to the coordinators to check by hand; their retry sends it', async () => {
    await open311Recipient(fakeUrl, 'their-key', null);
    mode = 'slow-create-no-list';
    const before = posts();
    const { itemId } = await observeAndRoute();
    expect(await settle(OPEN311_SUBMIT, itemId)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(posts()).toBe(before + 1);
    const failed = await item(itemId);
    expect(failed.state).toBe('queued');
    expect(failed.deliveryError).toContain('no answer within 1.2 s; the request may have been made and cannot be looked up: check by hand');
    // A coordinator who checked decides to send it: posted once more.
    mode = 'ok';
    expect((await call(t, coordinator.cookie, 'POST', `/api/action-items/${itemId}/retry`)).statusCode).toBe(200);
    expect((await settle(OPEN311_SUBMIT, itemId)).status).toBe('done');
    expect(posts()).toBe(before + 2);
    expect(await item(itemId)).toMatchObject({ state: 'sent', externalReference: 'REQ-1' });
  });

  it('a POST waits longer than a read: an endpoint that takes 0.6 s is answered once, at the first attempt', async () => {
    await open311Recipient(fakeUrl, 'their-key', null);
    mode = 'slowish';
    const before = posts();
    const { itemId } = await observeAndRoute();
    expect(await settle(OPEN311_SUBMIT, itemId)).toMatchObject({ status: 'done', attempts: 1 });
    expect(posts()).toBe(before + 1);
    expect((await item(itemId)).state).toBe('sent');
  });
});

describe('a recipient’s URL that points into the server’s own network', () => {
  it('is refused after DNS (localhost is not on the allow-list): nothing reaches the endpoint, the item names the kind', async () => {
    await open311Recipient(fakeUrl.replace('127.0.0.1', 'localhost'), 'their-key', null);
    mode = 'ok';
    const before = fakeRequests.length;
    const { itemId } = await observeAndRoute();
    expect(await settle(OPEN311_SUBMIT, itemId)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(fakeRequests.length).toBe(before);
    expect((await item(itemId)).deliveryError).toContain('private or local network');
  });

  it('is refused when saved with a private or metadata address, user-info or a fragment', async () => {
    for (const open311Url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/open311',
      'http://[::1]:8080/',
      'http://[fd00:ec2::254]/',
      'http://0xa9fea9fe/', // 169.254.169.254 as one hexadecimal number
      'https://user:pass@open311.example.se/v2',
      'https://open311.example.se/v2#x',
      'file:///etc/passwd',
    ]) {
      const res = await call(t, sender.admin.cookie, 'POST', '/api/recipients', {
        name: 'Fel',
        kind: 'municipality',
        channel: 'open311',
        open311Url,
        open311ApiKey: 'k',
        open311ServiceCodes: { '*': 'x' },
        responseDays: 3,
      });
      expect(res.statusCode, open311Url).toBe(400);
      expect(res.json().errors[0].field).toBe('open311Url');
    }
  });

  it('does not follow a redirect (here to the metadata address)', async () => {
    await open311Recipient(fakeUrl, 'their-key', null);
    mode = 'redirect';
    const { itemId } = await observeAndRoute();
    expect(await settle(OPEN311_SUBMIT, itemId)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await item(itemId)).deliveryError).toContain('HTTP 302: a redirect, which is not followed');
    mode = 'ok';
  });
});
