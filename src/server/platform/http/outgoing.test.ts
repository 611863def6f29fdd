/** The outgoing-request guard: which addresses a user's URL may reach, and how a call to one fails. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingError } from './outgoing.js';
import { checkOutgoingUrl, isRefusedAddress, outgoingRequest } from './outgoing.js';

describe('isRefusedAddress', () => {
  it.each([
    ['127.0.0.1'],
    ['127.255.0.9'],
    ['0.0.0.0'],
    ['10.0.0.1'],
    ['172.16.5.4'],
    ['172.31.255.255'],
    ['192.168.1.1'],
    ['169.254.169.254'], // AWS, GCP, Azure metadata
    ['100.100.100.200'], // Alibaba metadata (shared address space)
    ['224.0.0.1'],
    ['255.255.255.255'],
    ['::1'],
    ['::'],
    ['::ffff:127.0.0.1'],
    ['::ffff:7f00:1'],
    ['::ffff:a9fe:a9fe'],
    ['fd00:ec2::254'], // AWS metadata over IPv6
    ['fc00::1'],
    ['fe80::1'],
    ['ff02::1'],
    ['64:ff9b::7f00:1'],
    ['not-an-address'],
  ])('refuses %s', (address) => expect(isRefusedAddress(address)).toBe(true));

  it.each([['93.184.215.14'], ['194.17.0.10'], ['172.32.0.1'], ['2a00:1450:4001:82a::200e'], ['2001:6b0:1::1']])('lets %s through', (address) =>
    expect(isRefusedAddress(address)).toBe(false),
  );
});

describe('checkOutgoingUrl', () => {
  const policy = { allowHosts: ['open311.intra.huddinge.se', '10.20.30.40'] };
  const kind = (url: string) => {
    try {
      checkOutgoingUrl(url, policy);
      return 'ok';
    } catch (e) {
      return (e as OutgoingError).kind;
    }
  };
  it.each([
    ['https://open311.example.se/v2', 'ok'],
    ['http://open311.intra.huddinge.se/v2', 'ok'],
    ['http://10.20.30.40/v2', 'ok'], // on the operator's allow-list
    ['http://10.20.30.41/v2', 'address_refused'],
    ['http://2130706433/', 'address_refused'], // 127.0.0.1 as one number
    ['http://0x7f.1/', 'address_refused'],
    ['http://017700000001/', 'address_refused'],
    ['http://[::ffff:127.0.0.1]/', 'address_refused'],
    ['http://[0:0:0:0:0:0:0:1]/', 'address_refused'],
    ['http://169.254.169.254/latest/meta-data/', 'address_refused'],
    ['https://user:secret@open311.example.se/', 'bad_url'],
    ['https://user@open311.example.se/', 'bad_url'],
    ['https://open311.example.se/v2#top', 'bad_url'],
    ['https://open311.example.se/v2#', 'bad_url'],
    ['ftp://open311.example.se/', 'bad_url'],
    ['gopher://127.0.0.1:6379/_INFO', 'bad_url'],
    ['file:///etc/passwd', 'bad_url'],
    ['not a url', 'bad_url'],
  ])('%s → %s', (url, expected) => expect(kind(url)).toBe(expected));
});

describe('outgoingRequest', () => {
  let server: Server;
  let port = 0;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url === '/hang') return;
      if (req.url === '/redirect') return res.writeHead(301, { location: 'http://127.0.0.1/' }).end();
      if (req.url === '/big') return res.end(Buffer.alloc(1_100_000, 97));
      res.writeHead(200, { 'content-type': 'application/json' }).end('[{"ok":true}]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const open = { allowHosts: ['127.0.0.1'], timeoutMs: 500 };
  const closed = { allowHosts: [], timeoutMs: 500 };
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: OutgoingError) => ({ kind: e.kind, message: e.message }),
    );

  it('calls an allowed host and reads the answer', async () => {
    const res = await outgoingRequest(`http://127.0.0.1:${port}/ok`, { method: 'POST', body: 'a=1' }, open);
    expect(res).toEqual({ status: 200, contentType: 'application/json', text: '[{"ok":true}]' });
  });

  it('refuses a literal loopback address before any connection', async () => {
    const before = seen.length;
    expect(await failure(outgoingRequest(`http://127.0.0.1:${port}/ok`, {}, closed))).toMatchObject({ kind: 'address_refused' });
    expect(seen.length).toBe(before);
  });

  it('refuses a name that resolves to loopback, on the address the socket would connect to', async () => {
    const before = seen.length;
    expect(await failure(outgoingRequest(`http://localhost:${port}/ok`, {}, closed))).toMatchObject({ kind: 'address_refused' });
    expect(seen.length).toBe(before);
  });

  it('does not follow a redirect', async () => {
    expect(await failure(outgoingRequest(`http://127.0.0.1:${port}/redirect`, {}, open))).toMatchObject({ kind: 'redirect' });
  });

  it('gives up after its time, naming only the kind of failure', async () => {
    expect(await failure(outgoingRequest(`http://127.0.0.1:${port}/hang`, {}, open))).toEqual({ kind: 'timeout', message: 'no answer within 0.5 s' });
  });

  it('stops reading an answer over 1 MB', async () => {
    expect(await failure(outgoingRequest(`http://127.0.0.1:${port}/big`, {}, open))).toMatchObject({ kind: 'too_large' });
  });

  it('names a refused connection without the address', async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const freed = (gone.address() as AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    expect(await failure(outgoingRequest(`http://127.0.0.1:${freed}/`, {}, open))).toEqual({ kind: 'connection', message: 'the connection was refused' });
  });
});
