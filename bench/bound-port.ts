/**
 * The port a child process listens on, read from /proc (Linux): benchmarked servers start with
 * PORT=0 and the kernel picks a free port, so no benchmark guesses one that an outgoing
 * connection or another program already holds. Read from the kernel rather than the server's
 * log, so the benchmarked server keeps its quiet log level.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

/** The TCP port pid listens on, if it listens on one yet. */
export function listeningPortOf(pid: number): number | undefined {
  const sockets = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode) sockets.add(inode);
      } catch {
        // The descriptor closed while we looked.
      }
    }
  } catch {
    return undefined;
  }
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[3] === LISTEN && f[9] && sockets.has(f[9])) return parseInt(f[1]!.split(':')[1]!, 16);
    }
  }
  return undefined;
}

/** Waits until the child listens and gives its port; fails if it exits first. */
export async function boundPort(child: ChildProcess, timeoutMs = 60_000): Promise<number> {
  const since = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited with code ${child.exitCode} before it listened`);
    const port = listeningPortOf(child.pid!);
    if (port) return port;
    if (performance.now() - since > timeoutMs) throw new Error(`the process did not listen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
