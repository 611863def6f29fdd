/**
 * The one way the server calls a URL that a user gave it (a recipient's Open311
 * endpoint, any later webhook). Such a URL is an attacker's lever into the
 * server's own network (SSRF), so every call:
 * - takes http(s) only, without user-info or a fragment;
 * - resolves the host itself and refuses loopback, private, link-local,
 *   unique-local, multicast, reserved and cloud-metadata addresses, checked on
 *   the very address the socket connects to (the check runs inside the
 *   connection's DNS lookup, so a name that resolves elsewhere on a second
 *   lookup, DNS rebinding, gains nothing);
 * - follows no redirect, and reads at most MAX_BYTES of the answer;
 * - fails with an OutgoingError whose message names the kind of failure, never
 *   what the other side answered.
 * An operator may allow named private hosts (OUTGOING_ALLOW_HOSTS), such as a
 * municipality's in-house system; those skip the address check.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/** What went wrong, in words a coordinator can act on (the message) and as a code (the kind). */
export type OutgoingFailure = 'bad_url' | 'address_refused' | 'timeout' | 'connection' | 'redirect' | 'too_large';

export class OutgoingError extends Error {
  constructor(
    readonly kind: OutgoingFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OutgoingError';
  }
}

export interface OutgoingPolicy {
  /** Host names (lower case) the operator allows even on private addresses. */
  allowHosts: readonly string[];
  timeoutMs: number;
}

export interface OutgoingRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface OutgoingResponse {
  status: number;
  contentType: string;
  text: string;
}

/** Answers larger than this are cut off: no partner's answer to one request comes near it. */
const MAX_BYTES = 1_000_000;

// Every range a user's URL may not reach. Sources: RFC 6890 (special-purpose
// registries), RFC 4193 (unique-local), RFC 6598 (shared/CGNAT, where
// Alibaba's metadata sits), 169.254.169.254 and fd00:ec2::254 (cloud metadata).
// Two lists: one BlockList would match IPv4 addresses against the IPv4-mapped IPv6 range too.
const blockedV4 = new BlockList();
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blockedV4.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible block
  ['::ffff:0:0', 96], // IPv4-mapped: would reach any IPv4 address, private ones too
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique-local (fd00:ec2::254 is AWS's metadata)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const) {
  blockedV6.addSubnet(net, prefix, 'ipv6');
}

/** True when an address lies in a range that a user's URL may not reach. */
export function isRefusedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blockedV4.check(address, 'ipv4');
  if (family === 6) return blockedV6.check(address, 'ipv6');
  return true;
}

/** Checks a user's URL without calling it: http(s), no user-info, no fragment, no refused literal address. */
export function checkOutgoingUrl(raw: string, policy: Pick<OutgoingPolicy, 'allowHosts'>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutgoingError('bad_url', 'not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutgoingError('bad_url', 'only http and https addresses are called');
  if (url.username || url.password) throw new OutgoingError('bad_url', 'the address may not carry a user name or password');
  if (url.hash || raw.includes('#')) throw new OutgoingError('bad_url', 'the address may not carry a fragment (#)');
  const host = hostOf(url);
  if (!allowed(host, policy) && isIP(host) && isRefusedAddress(host)) {
    throw new OutgoingError('address_refused', 'the address points into a private or local network');
  }
  return url;
}

/** Host name without IPv6 brackets, lower case (the URL API has already turned 0x7f.1 and 2130706433 into 127.0.0.1). */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
const allowed = (host: string, policy: Pick<OutgoingPolicy, 'allowHosts'>) => policy.allowHosts.includes(host);

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup for the socket that refuses the connection when any address the name resolves to is refused. */
function guardedLookup(hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void {
  dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
    if (err) return callback(err, []);
    if (addresses.length === 0 || addresses.some((a) => isRefusedAddress(a.address))) {
      const refused = new OutgoingError('address_refused', 'the address points into a private or local network') as unknown as NodeJS.ErrnoException;
      return callback(refused, []);
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

/** Calls a user's URL under the rules above; resolves with any HTTP status, rejects with an OutgoingError. */
export async function outgoingRequest(raw: string, init: OutgoingRequest, policy: OutgoingPolicy): Promise<OutgoingResponse> {
  const url = checkOutgoingUrl(raw, policy);
  const trusted = allowed(hostOf(url), policy);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const fail = (e: OutgoingError) => {
      req.destroy();
      reject(e);
    };
    const req = send(
      url,
      {
        method: init.method ?? 'GET',
        headers: { ...init.headers, ...(init.body !== undefined && { 'content-length': String(Buffer.byteLength(init.body)) }) },
        ...(!trusted && { lookup: guardedLookup as never }),
        // A fresh connection per call: a pooled socket would skip the lookup above.
        agent: false,
      },
      (res) => readAnswer(res, url, resolve, fail),
    );
    const timer = setTimeout(() => fail(new OutgoingError('timeout', `no answer within ${policy.timeoutMs / 1000} s`)), policy.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof OutgoingError ? err : new OutgoingError('connection', connectionReason(err as NodeJS.ErrnoException)));
    });
    req.end(init.body);
  });
}

function readAnswer(res: IncomingMessage, url: URL, resolve: (r: OutgoingResponse) => void, fail: (e: OutgoingError) => void): void {
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    res.resume();
    return fail(new OutgoingError('redirect', `HTTP ${status}: a redirect, which is not followed (${url.host})`));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BYTES) return fail(new OutgoingError('too_large', 'the answer is larger than 1 MB'));
    chunks.push(chunk);
  });
  res.on('end', () => resolve({ status, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
  res.on('error', (err) => fail(new OutgoingError('connection', connectionReason(err as NodeJS.ErrnoException))));
}

/** The kind of a network failure in words, without the addresses or answers involved. */
function connectionReason(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name is not known';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was broken off';
    case 'ETIMEDOUT':
      return 'the connection timed out';
    default:
      return err.code?.startsWith('ERR_TLS') || err.code?.includes('CERT') ? 'the TLS certificate was not accepted' : 'the connection failed';
  }
}
