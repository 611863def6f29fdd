/**
 * Police events: one call at a time to Polisen's API for the municipality asked
 * about longest ago, within the API's rules counted over every call any server
 * made (the call log is in the database): at least 10 s between calls, at most
 * 60 an hour and 1,440 a day, and none until the time a 429 asks for.
 */
import type { AppContext } from '../../context.js';
import type { ScheduledTask } from '../../platform/jobs/scheduler.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { userAgent } from '../../config.js';
import { addDays, zonedInstant } from '../../../shared/domain/time.js';
import type { PoliceEvents } from '../../../shared/api/police-events.js';
import { fetchEvents } from './police-api.js';
import * as repo from './police-events.repository.js';

export const LIMITS = { gapMs: 10_000, perHour: 60, perDay: 1440 } as const;
const HOUR = 3_600_000;

type Call = Awaited<ReturnType<typeof repo.callsSince>>[number];

/** Why no call may be made now, or null when one may. `calls` are the last day's, newest first. */
export function refusal(calls: Call[], now: Date): string | null {
  const t = now.getTime();
  const blocked = calls.find((c) => c.blocked_until && Date.parse(c.blocked_until) > t);
  if (blocked) return `paused after 429 until ${blocked.blocked_until}`;
  if (calls[0] && t - Date.parse(calls[0].at) < LIMITS.gapMs) return 'less than 10 s since the last call';
  if (calls.filter((c) => t - Date.parse(c.at) < HOUR).length >= LIMITS.perHour) return '60 calls in the last hour';
  if (calls.length >= LIMITS.perDay) return '1,440 calls in the last day';
  return null;
}

/** Asks for the events of the municipality whose turn it is, if any is due and the rules allow a call. */
export async function fetchDueEvents(ctx: AppContext, now: Date): Promise<{ called: string | null; stored: number; reason?: string }> {
  const url = ctx.config.policeEventsUrl;
  if (!url) return { called: null, stored: 0, reason: 'off' };
  const calls = await repo.callsSince(ctx.db, new Date(now.getTime() - 24 * HOUR).toISOString());
  const refused = refusal(calls, now);
  if (refused) return { called: null, stored: 0, reason: refused };
  const every = ctx.config.policeEventsIntervalMinutes * 60_000;
  const due = (await repo.municipalities(ctx.db))
    .map((place) => ({ place, last: calls.find((c) => c.location_name === place)?.at ?? '' }))
    .filter((p) => !p.last || now.getTime() - Date.parse(p.last) >= every)
    .sort((a, b) => a.last.localeCompare(b.last))[0];
  if (!due) return { called: null, stored: 0, reason: 'nothing due' };
  const result = await fetchEvents(url, due.place, userAgent(ctx.config));
  const at = now.toISOString();
  const blockedUntil = result.status === 429 && 'retryAfterSeconds' in result ? new Date(now.getTime() + result.retryAfterSeconds * 1000).toISOString() : null;
  await repo.recordCall(ctx.db, { at, locationName: due.place, status: result.status, blockedUntil });
  if ('events' in result) return { called: due.place, stored: await repo.storeEvents(ctx.db, result.events, at) };
  return { called: due.place, stored: 0, reason: 'error' in result ? result.error : `429, paused until ${blockedUntil}` };
}

export function policeEventTasks(ctx: AppContext): ScheduledTask[] {
  return [{ name: 'police-events', run: (now) => fetchDueEvents(ctx, now) }];
}

const MOST = 1000;

export async function listPoliceEvents(ctx: AppContext, actor: Actor, q: { from?: string; to?: string }): Promise<PoliceEvents> {
  authorize(actor, 'association.read');
  const municipality = await repo.municipalityOf(ctx.db, actor.associationId);
  const toIso = q.to ? zonedInstant(addDays(q.to, 1), '00:00').toISOString() : ctx.clock.now().toISOString();
  const fromIso = q.from ? zonedInstant(q.from, '00:00').toISOString() : new Date(Date.parse(toIso) - 30 * 24 * HOUR).toISOString();
  const rows = await repo.eventsOf(ctx.db, municipality, fromIso, toIso, MOST);
  return {
    municipality,
    positionIsMunicipalityCentre: true,
    events: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      name: r.name,
      summary: r.summary,
      url: r.url,
      type: r.type,
      lat: Number(r.lat),
      lng: Number(r.lng),
    })),
  };
}
