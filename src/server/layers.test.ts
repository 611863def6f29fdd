/**
 * The layer rules in eslint.config.js fire: a deliberate breach of each, in a
 * file placed where it would break the design, fails lint; the same code where
 * it belongs passes. (The rules hold the tree; this holds the rules.)
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const sqlInService = `import type { Executor } from '../../platform/db/database.js';
export async function count(db: Executor) {
  return db.selectFrom('shifts').select('id').execute();
}
`;

describe('layers the tools enforce', () => {
  it('refuses SQL in a service, a route or a platform module, and takes it in a repository', async () => {
    expect(await problems('src/server/features/shifts/breach.service.ts', sqlInService)).toEqual([
      expect.stringContaining('SQL belongs in a *.repository.ts file'),
    ]);
    expect(await problems('src/server/platform/mail/breach.ts', sqlInService.replace('../../platform/db', '../db'))).toEqual([
      expect.stringContaining('SQL belongs in a *.repository.ts file'),
    ]);
    const raw = `import { sql } from 'kysely';\nexport const one = sql\`select 1\`;\n`;
    expect(await problems('src/server/features/shifts/breach.routes.ts', raw)).toEqual([expect.stringContaining('SQL belongs in a *.repository.ts file')]);
    expect(await problems('src/server/features/shifts/fine.repository.ts', sqlInService)).toEqual([]);
  });

  it("refuses a call into another feature's repository, and takes its service and its row types", async () => {
    const call = `import { crewOf } from '../shifts/shifts.repository.js';\nexport const f = crewOf;\n`;
    expect(await problems('src/server/features/staffing/breach.ts', call)).toEqual([expect.stringContaining("Call the other feature's service")]);
    const viaService = `import { crewsOf } from '../shifts/shifts.service.js';\nimport type { ShiftRow } from '../shifts/shifts.repository.js';\nexport const f = crewsOf;\nexport type S = ShiftRow;\n`;
    expect(await problems('src/server/features/staffing/fine.ts', viaService)).toEqual([]);
  });

  it('refuses the wall clock outside the clock module', async () => {
    const wall = `export const a = new Date();\nexport const b = Date.now();\nexport const c = new Date('2026-12-07T10:00:00Z');\n`;
    expect(await problems('src/server/features/shifts/breach.service.ts', wall)).toEqual([
      expect.stringContaining('Read the time from ctx.clock'),
      expect.stringContaining('Read the time from ctx.clock'),
    ]);
    expect(await problems('src/server/features/shifts/breach.repository.ts', wall)).toHaveLength(2);
    expect(await problems('src/server/platform/clock.ts', wall)).toEqual([]);
  });

  it('refuses observations and their photos written outside the observations feature', async () => {
    const writes = `import type { Executor } from '../../platform/db/database.js';
export async function add(db: Executor) {
  await db.insertInto('observations').values({} as never).execute();
  await db.updateTable('observations').set({ routed_at: null }).execute();
  await db.deleteFrom('observation_photos').execute();
  await db.updateTable('action_items').set({ state: 'sent' }).execute();
}
`;
    const refused = expect.stringContaining("Observations are written through the observations feature's commands");
    expect(await problems('src/server/features/reports/breach.repository.ts', writes)).toEqual([refused, refused, refused]);
    expect(await problems('src/server/features/observations/fine.repository.ts', writes)).toEqual([]);
  });

  it('refuses a second Executor type', async () => {
    const executor = `import type { Kysely, Transaction } from 'kysely';\nexport type Executor = Kysely<object> | Transaction<object>;\n`;
    expect((await problems('src/server/features/shifts/breach.repository.ts', executor)).join('\n')).toContain('Import Executor from');
  });
});
