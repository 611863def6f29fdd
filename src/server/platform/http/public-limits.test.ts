/** The routes without a session are limited per token or key and per client IP, so tokens cannot be guessed at speed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
});
afterAll(() => t.close());

const get = (url: string, ip: string) => t.app.inject({ method: 'GET', url, remoteAddress: ip });
const token = (n: number) => `${String(n).padStart(4, '0')}${'t'.repeat(39)}`;

describe('public routes', () => {
  it.each([
    ['answer links', (n: number) => `/svar/${token(n)}`],
    ['calendar feeds', (n: number) => `/calendar/${token(n)}.ics`],
    ['Open311 keys', (n: number) => `/open311/v2/requests.json?api_key=${token(n)}`],
  ])('limit %s per token, whatever the address, and per address, whatever the token', async (name, url) => {
    const base = name.length; // a distinct block of addresses per case
    // One token from three addresses: the fourth call is refused.
    const same = [];
    for (let i = 0; i < 4; i++) same.push((await get(url(1), `10.${base}.1.${i}`)).statusCode);
    expect(same.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(same[3]).toBe(429);
    // One address with new tokens each time: twelve (four times the figure) pass, the thirteenth is refused.
    const many = [];
    for (let i = 0; i < 13; i++) many.push((await get(url(100 + i), `10.${base}.2.1`)).statusCode);
    expect(many.slice(0, 12).every((s) => s !== 429)).toBe(true);
    expect(many[12]).toBe(429);
    // Another address with another token is not held back by either.
    expect((await get(url(999), `10.${base}.3.1`)).statusCode).not.toBe(429);
  });

  it('answers 429 as a problem that says to wait', async () => {
    let res;
    for (let i = 0; i < 5; i++) res = await get(`/svar/${token(7)}`, '10.99.0.1');
    expect(res!.statusCode).toBe(429);
    expect(res!.headers['content-type']).toContain('application/problem+json');
    expect(res!.headers['retry-after']).toBeDefined();
  });
});
