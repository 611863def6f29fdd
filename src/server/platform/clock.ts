/**
 * The server's one clock. Everything that asks "what time is it" reads `clock`:
 * features through ctx.clock, row timestamps through nowIso(), the workers for
 * their claims and back-off. Tests move it (ctx.clock.now = …) to walk through a
 * shift's life, and every timestamp follows, so a row's created_at and the edit
 * window measured from it cannot disagree.
 *
 * realNow() is for the few things bound to the real time outside our control:
 * two-factor codes and the sessions better-auth issues and expires by its own
 * clock. Durations inside the process (a cache entry's age) use performance.now(),
 * which no clock change moves. ESLint allows `new Date()` and `Date.now()` only here.
 */
export interface Clock {
  now(): Date;
}

/** The process's clock; ctx.clock is this object, so moving one moves the other. */
export const clock: Clock = { now: () => new Date() };

/** Now as stored in rows: ISO-8601 UTC text, which sorts and compares as a string on both dialects. */
export function nowIso(): string {
  return clock.now().toISOString();
}

/** The real time, for protocols whose time is not ours to move (TOTP codes, better-auth's session expiry). */
export function realNow(): Date {
  return new Date();
}
