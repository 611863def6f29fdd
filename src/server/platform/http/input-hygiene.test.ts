/**
 * Bad input on every route: a NUL character, bytes that are not UTF-8, and a
 * date of the year 9999 are each answered with 400 and the field named, never
 * a 500 (which a phone would retry for ever), and nothing is written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, withTestAssociation, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import { ownPaths } from '../../../../test/openapi.js';

let t: TestApp;
let a: TestAssociation;
let admin: TestMember;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});
beforeAll(async () => {
  admin = await addMember(t, a.associationId, ['volunteer', 'coordinator', 'admin']);
});

interface Operation {
  parameters?: { in: string; name: string; schema?: { format?: string; anyOf?: { format?: string }[] } }[];
  requestBody?: unknown;
}

/** Every route of the API with its method, from the OpenAPI document, ids filled in. */
function operations(): { method: string; url: string; op: Operation }[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(ownPaths(doc as never)).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{[^}]+\}/g, () => uuidv7()),
      op: op as Operation,
    })),
  );
}

const inject = (method: string, url: string, payload?: string | Buffer) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: { cookie: admin.cookie, ...(payload !== undefined && { 'content-type': 'application/json' }) },
    ...(payload !== undefined && { payload }),
  });

const rowsNow = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('bad input on every route', () => {
  it('a NUL character in a body, a query or a path gets 400 with the field named', async () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(60);
    const before = await rowsNow();
    for (const { method, url } of all) {
      const res =
        method === 'GET' || method === 'DELETE' ? await inject(method, `${url}?note=a%00b`) : await inject(method, url, JSON.stringify({ note: 'a\u0000b' }));
      const name = `${method} ${url}`;
      expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(400);
      expect(res.json().errors, name).toEqual([
        { field: method === 'GET' || method === 'DELETE' ? 'querystring.note' : 'note', message: expect.stringContaining('NUL') },
      ]);
    }
    expect((await inject('GET', `/api/members/abc%00def`)).json().errors[0].field).toBe('params.id');
    expect(await rowsNow()).toBe(before);
  });

  it('a JSON body that is not UTF-8 gets 400 with the field named', async () => {
    const writes = operations().filter((o) => o.method !== 'GET' && o.method !== 'DELETE');
    for (const { method, url } of writes) {
      const broken = Buffer.concat([Buffer.from('{"note":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
      const res = await inject(method, url, broken);
      expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'note', message: expect.stringContaining('UTF-8') }]);
    }
    // In a query or a path a broken percent-encoding is never a 500: kept as the characters sent, or refused.
    for (const url of ['/api/members?q=caf%E9', `/api/members/${uuidv7().slice(0, 30)}%E9%FF`, '/api/observations?categoryId=%FF%FE']) {
      const res = await inject('GET', url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body).not.toContain('\uFFFD');
    }
  });

  it('a date of the year 9999 or 0001 in any date parameter gets 400 with the field named', async () => {
    let checked = 0;
    for (const { method, url, op } of operations()) {
      const dates = (op.parameters ?? []).filter(
        (p) => p.in === 'query' && [p.schema?.format, ...(p.schema?.anyOf ?? []).map((s) => s.format)].some((f) => f === 'date' || f === 'date-time'),
      );
      for (const p of dates) {
        for (const value of p.schema?.format === 'date' ? ['9999-12-31', '0001-01-01'] : ['9999-12-31T00:00:00.000Z', '0001-01-01T00:00:00.000Z']) {
          const others = dates.filter((d) => d !== p).map((d) => `${d.name}=${d.schema?.format === 'date' ? '2026-01-01' : '2026-01-01T00:00:00.000Z'}`);
          const res = await inject(method, `${url}?${[`${p.name}=${value}`, ...others].join('&')}`);
          expect(res.statusCode, `${method} ${url} ${p.name}=${value}: ${res.body.slice(0, 200)}`).toBe(400);
          expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(`querystring.${p.name}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    // And in bodies: an observation seen in the year 9999.
    const res = await inject(
      'PUT',
      `/api/observations/${uuidv7()}`,
      JSON.stringify({ categoryId: uuidv7(), urgency: 'note', lat: 59.2, lng: 17.9, observedAt: '9999-01-01T00:00:00.000Z' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ field: 'observedAt', message: 'Datumet måste ligga mellan år 1900 och 2100.' });
  });

  it('a photo sent without a body gets 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/observations/${uuidv7()}/photos`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
