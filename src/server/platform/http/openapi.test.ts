/**
 * The OpenAPI document others build on: valid by the OpenAPI schema (checked
 * by swagger-parser, as a client generator would), every operation named,
 * with its errors, and true to the server: a route documented as needing the
 * session answers 401 without one, and one documented as public does not.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { ownPaths, type Paths } from '../../../../test/openapi.js';

let t: TestApp;
let doc: { paths: Paths; security: unknown[] };
beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
});
afterAll(() => t.close());

type Op = { operationId?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> };
const operations = (paths: Paths) =>
  Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as unknown as Op })));

describe('the OpenAPI document', () => {
  it('is valid OpenAPI, as swagger-parser reads it', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('names every operation once, and gives each its problem+json errors', () => {
    const all = operations(doc.paths);
    const ids = all.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations(ownPaths(doc))) {
      expect(op.responses['500']?.content?.['application/problem+json'], `${method} ${path}`).toBeDefined();
      expect(op.responses['429'], `${method} ${path}`).toBeDefined();
    }
  });

  it('says which routes need the session, as the server answers without one', async () => {
    const wrong: string[] = [];
    for (const { path, method, op } of operations(ownPaths(doc))) {
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'id' ? '00000000-0000-7000-8000-000000000000' : 'x'.repeat(40)));
      const res = await t.app.inject({ method: method as 'GET', url, ...(method !== 'GET' && method !== 'DELETE' && { payload: {} }) });
      const publicRoute = Array.isArray(op.security) && op.security.length === 0;
      // Input is checked before the session, so a 400 tells nothing either way.
      if (res.statusCode === 400) continue;
      if ((res.statusCode === 401) === publicRoute)
        wrong.push(`${method} ${path}: ${res.statusCode}, documented ${publicRoute ? 'public' : 'with the session'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('describes downloads by their types, and 204 where nothing comes back', () => {
    const op = (path: string, method: string) => doc.paths[path]![method] as unknown as Op;
    expect(Object.keys(op('/api/exports/observations', 'get').responses['200']!.content!)).toEqual(
      expect.arrayContaining(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/geo+json']),
    );
    expect(Object.keys(op('/api/iop-report/report.pdf', 'get').responses['200']!.content!)).toEqual(['application/pdf']);
    for (const path of ['/api/shift-templates/{id}', '/api/calendar-feeds/{id}', '/api/open311-keys/{id}']) {
      expect(Object.keys(op(path, 'delete').responses), path).toContain('204');
      expect(Object.keys(op(path, 'delete').responses), path).not.toContain('200');
    }
  });

  it('describes signing in and the Open311 endpoint', () => {
    expect(doc.paths['/api/auth/sign-in/email']!.post).toMatchObject({ operationId: 'signInEmail', security: [] });
    expect(doc.paths['/open311/v2/requests.{format}']!.post).toMatchObject({ operationId: 'open311Submit', security: [{ open311Key: [] }] });
  });
});
