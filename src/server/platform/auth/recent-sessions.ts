/**
 * Sessions checked a moment ago. A phone coming back online sends its queue as
 * a burst of uploads; without this each one would read its session again, and
 * that read is half of the database work of an upload (the sync benchmark on
 * PostgreSQL: about 950 PUTs a second without, 1,600 with). better-auth's own
 * cookie cache makes the same trade for minutes; here it is two seconds, and
 * every change that could alter what a session resolves to (any write through
 * the auth endpoints: sign-out, revoked sessions, a new password or e-mail,
 * two-factor; a member's row or roles) forgets them all in this process at once.
 * Another process serving the same database sees such a change within the TTL.
 */
import { realNow } from '../clock.js';

export const RECENT_SESSION_MS = 2000;
const MAX_ENTRIES = 10_000;

let generation = 0;

/** Forgets every recently checked session, in every reader of this process. */
export function sessionsChanged(): void {
  generation += 1;
}

export function recentSessions<T>(ttlMs = RECENT_SESSION_MS) {
  const entries = new Map<string, { value: T; until: number; generation: number }>();
  return {
    get(token: string): T | undefined {
      const hit = entries.get(token);
      if (!hit) return undefined;
      if (hit.generation === generation && hit.until > performance.now()) return hit.value;
      entries.delete(token);
      return undefined;
    },
    /** Keeps an answer for a token, unless its session ends before the TTL does. */
    set(token: string, value: T, sessionEndsAt: number): void {
      const until = performance.now() + Math.min(ttlMs, sessionEndsAt - realNow().getTime());
      // A crude bound on memory: the map is only a few seconds deep, so dropping it all costs one query per session.
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(token, { value, until, generation });
    },
  };
}
