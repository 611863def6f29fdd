/**
 * The loop the mail worker and the job worker share: one run at a time, on a
 * timer (none when intervalMs is 0: only kicks start a run) and whenever kicked,
 * never before `ready` (the migrations). stop() ends the timer and waits for the
 * run in flight, which reads stopped() to take no more work.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface PollingLoop {
  kick(): void;
  drain(): Promise<void>;
  stop(): Promise<void>;
  stopped(): boolean;
}

export function pollingLoop(
  name: string,
  runOnce: () => Promise<void>,
  o: { intervalMs: number; log: FastifyBaseLogger; ready?: Promise<unknown>; runAtStart?: boolean },
): PollingLoop {
  let running: Promise<void> | null = null;
  let stopped = false;
  function drain(): Promise<void> {
    running ??= (o.ready ?? Promise.resolve())
      .then(() => (stopped ? undefined : runOnce()))
      .catch((err: unknown) => o.log.error({ err }, `${name} run failed`))
      .finally(() => {
        running = null;
      });
    return running;
  }
  const timer = o.intervalMs > 0 ? setInterval(() => void drain(), o.intervalMs) : null;
  timer?.unref();
  if (o.runAtStart && timer) setImmediate(() => void drain());
  return {
    kick: () => void setImmediate(() => void drain()),
    drain,
    stopped: () => stopped,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
