/** Reading a child server's JSON log: tests wait for what it says instead of sleeping. */
import type { Readable } from 'node:stream';

export type LogLine = Record<string, unknown>;

/** The child's JSON log lines as they come, and a wait for the first (past or future) that matches. */
export function logLines(stream: Readable) {
  const lines: LogLine[] = [];
  const waiters: { test: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const part of parts) {
      let line: LogLine;
      try {
        line = JSON.parse(part) as LogLine;
      } catch {
        continue;
      }
      lines.push(line);
      for (const w of waiters.filter((x) => x.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  return {
    waitFor(test: (l: LogLine) => boolean, timeoutMs: number): Promise<LogLine> {
      const seen = lines.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the log never said it')), timeoutMs);
        waiters.push({ test, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
  };
}

/** Waits for the server's own line saying where it listens (PORT=0: the system chose) and gives that address. */
export async function listeningAddress(log: ReturnType<typeof logLines>, timeoutMs = 60_000): Promise<string> {
  const line = await log.waitFor((l) => String(l.msg).startsWith('Grannstöd is listening on '), timeoutMs);
  return /listening on (http:\/\/[^ ]+)/.exec(String(line.msg))![1]!;
}
