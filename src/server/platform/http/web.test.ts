/**
 * The built web app goes out compressed as the browser accepts it (Brotli,
 * else gzip, else plain), from files compressed once by the build script, with
 * long caching for hashed assets and none for the shell; client routes get the
 * shell, compressed too.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWeb } from './web.js';

let dir: string;
let app: FastifyInstance;
const script = 'export const words = ' + JSON.stringify(Array.from({ length: 400 }, (_, i) => `grannsamverkan-${i}`)) + ';\n';
const shell = `<!doctype html><html lang="sv"><head><title>Grannstöd</title></head><body>${'<p>Grannstöd</p>'.repeat(100)}</body></html>`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'grannstod-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(dir, 'index.html'), shell);
  writeFileSync(join(dir, 'tiny.txt'), 'small');
  execFileSync(process.execPath, ['scripts/precompress.mjs', dir]);
  app = Fastify();
  await registerWeb(app, dir);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) => app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the web app as sent', () => {
  it('sends a hashed script as Brotli, gzip or plain as accepted, the same bytes each way, cached for a year', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['content-type']).toMatch(/javascript/);
  });

  it('sends the shell compressed and re-checked, for a client route too; a file too small to gain is sent as it is', async () => {
    for (const url of ['/', '/observe']) {
      const res = await get(url, 'br');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(shell);
    }
    const tiny = await get('/tiny.txt', 'br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('small');
  });
});
