/**
 * Runs periodic tasks in the process (reminder sweeps). A task never overlaps
 * itself; a failure is logged and the next tick tries again. Tasks must be
 * idempotent: each claims what it sends in the database (see notices.ts), so
 * several server instances may run the same schedule safely.
 */
import type { FastifyBaseLogger } from 'fastify';
import { clock as serverClock } from '../clock.js';

export interface ScheduledTask {
  name: string;
  run(now: Date): Promise<unknown>;
}

export interface Scheduler {
  /** Runs every task once now and resolves when they are done. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/** ready: resolves once the database is migrated; no tick runs a task before. */
export function startScheduler(
  tasks: ScheduledTask[],
  intervalMs: number,
  log: FastifyBaseLogger,
  clock: () => Date = () => serverClock.now(),
  ready: Promise<unknown> = Promise.resolve(),
): Scheduler {
  let running: Promise<void> | null = null;
  const runAll = () => {
    running ??= (async () => {
      await ready;
      for (const task of tasks) {
        try {
          await task.run(clock());
        } catch (err) {
          log.error({ err, task: task.name }, 'scheduled task failed');
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = intervalMs > 0 ? setInterval(() => void runAll(), intervalMs) : null;
  timer?.unref();
  return {
    runNow: runAll,
    stop: async () => {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
