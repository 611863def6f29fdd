/**
 * What a feature runs in the background, declared in the feature's own
 * background.ts and started by app.ts: the job kinds it handles (one durable
 * table, one worker: job-worker.ts), its periodic tasks (scheduler.ts), what it
 * does when a job fails for good, and bounded work that makes jobs (routing).
 */
import type { JobHandler } from './job-worker.js';
import type { ScheduledTask } from './scheduler.js';

export interface Background {
  jobs?: Record<string, JobHandler>;
  tasks?: ScheduledTask[];
  /** Told of every failed job (each feature picks out its own kinds). */
  onFailure?: (kind: string, payload: Record<string, unknown>, error: string, final: boolean) => Promise<void>;
  /** Run by the job worker before each job, so what it makes starts soon. */
  before?: () => Promise<unknown>;
}

/** All features' background work as one; a job kind claimed twice is a programming error, caught at start. */
export function combineBackgrounds(parts: Background[]): Required<Background> {
  const jobs: Record<string, JobHandler> = {};
  for (const part of parts)
    for (const [kind, handler] of Object.entries(part.jobs ?? {})) {
      if (jobs[kind]) throw new Error(`job kind ${kind} is registered twice`);
      jobs[kind] = handler;
    }
  return {
    jobs,
    tasks: parts.flatMap((p) => p.tasks ?? []),
    onFailure: async (...args) => {
      for (const p of parts) await p.onFailure?.(...args);
    },
    before: async () => {
      for (const p of parts) await p.before?.();
    },
  };
}
