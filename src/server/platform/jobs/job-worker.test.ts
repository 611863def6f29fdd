/**
 * The job worker shares its turns fairly: the work that makes jobs (routing new
 * observations) is bounded and runs again after every job, so neither a
 * steady stream of uploads nor a long job (a night's retention) starves the other.
 */
import { describe, expect, it } from 'vitest';
import { withTestAssociation, addMember, type TestApp, type TestAssociation } from '../../../../test/app.js';
import { observationRow } from '../../../../test/rows.js';
import { routePending } from '../../features/reports/routing-sweep.js';
import { enqueueJob } from './jobs.repository.js';
import { startJobWorker } from './job-worker.js';
import { ensureDefaultCategories } from '../../features/observations/categories.repository.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

describe('the job worker', () => {
  it('routes at most the turn’s share of a backlog, and runs the jobs between turns', async () => {
    // This test's worker alone: the app's own would take the jobs (and route) when something kicks it.
    await t.jobWorker.stop();
    const author = await addMember(t, a.associationId, ['volunteer']);
    await ensureDefaultCategories(t.ctx.db, a.associationId, new Date().toISOString());
    const category = (await t.ctx.db.selectFrom('observation_categories').select('id').where('association_id', '=', a.associationId).executeTakeFirstOrThrow())
      .id;
    const rows = Array.from({ length: 450 }, (_, i) =>
      observationRow({
        association_id: a.associationId,
        author_member_id: author.memberId,
        category_id: category,
        lat: 59.2,
        lng: 17.9,
        urgency: 'note',
        observed_at: new Date(Date.now() - i * 1000).toISOString(),
      }),
    );
    await t.ctx.db.insertInto('observations').values(rows).execute();
    // Two batches of 100 a turn: 200 of the 450 now, the rest on later turns.
    expect(await routePending(t.ctx, 100, 2)).toBe(200);

    const order: string[] = [];
    for (const n of [1, 2]) await enqueueJob(t.ctx.db, { kind: 'test.job', associationId: a.associationId, payload: { n } });
    const worker = startJobWorker(t.ctx.db, t.app.log, {
      intervalMs: 0,
      handlers: { 'test.job': async (p) => void order.push(`job ${String(p.n)}`) },
      before: async () => void order.push(`routed ${await routePending(t.ctx, 100, 2)}`),
    });
    await worker.drain();
    await worker.stop();
    expect(order).toEqual(['routed 200', 'job 1', 'routed 50', 'job 2', 'routed 0']);
  });
});
