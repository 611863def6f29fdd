/**
 * Polisen's open events API (https://polisen.se/api/events), as its terms ask:
 * HTTPS, a User-Agent that names us, and an answer read in its own format:
 * [{ id, datetime: "2026-11-26 21:14:08 +01:00", name, summary, url, type,
 *    location: { name, gps: "59.236713,17.981142" } }].
 */
import { z } from 'zod';

const apiEvent = z.object({
  id: z.number().int().nonnegative(),
  datetime: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/),
  name: z.string().max(300),
  summary: z.string(),
  url: z.string().max(500),
  type: z.string().max(100),
  location: z.object({ name: z.string().max(200), gps: z.string().regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/) }),
});

export interface PoliceEvent {
  id: string;
  occurredAt: string;
  name: string;
  summary: string;
  url: string;
  type: string;
  locationName: string;
  lat: number;
  lng: number;
}

/** "2026-11-26 21:14:08 +01:00" (the hour may have one digit) → an ISO instant in UTC. */
function instant(datetime: string): string {
  const [date, time, offset] = datetime.split(' ');
  const [h, m, s] = time!.split(':');
  return new Date(`${date}T${h!.padStart(2, '0')}:${m}:${s}${offset}`).toISOString();
}

/** The events in an answer; an answer not in the API's format is refused whole, so nothing half-read is stored. */
export function parseEvents(body: unknown, site: string): PoliceEvent[] {
  const events = z.array(apiEvent).parse(body);
  return events.map((e) => {
    const [lat, lng] = e.location.gps.split(',').map(Number);
    return {
      id: String(e.id),
      occurredAt: instant(e.datetime),
      name: e.name,
      summary: e.summary.slice(0, 2000),
      // The API gives a path on its own site.
      url: new URL(e.url, site).toString().slice(0, 500),
      type: e.type,
      locationName: e.location.name,
      lat: lat!,
      lng: lng!,
    };
  });
}

export type CallResult = { status: 200; events: PoliceEvent[] } | { status: 429; retryAfterSeconds: number } | { status: number; error: string };

/** One call for one municipality. Never throws: a failure is a result, logged as a call. */
export async function fetchEvents(url: string, locationName: string, userAgent: string, timeoutMs = 15_000): Promise<CallResult> {
  const target = new URL(url);
  target.searchParams.set('locationname', locationName);
  try {
    const res = await fetch(target, { headers: { 'user-agent': userAgent, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    if (res.status === 429) {
      const after = Number(res.headers.get('retry-after'));
      // Without a usable Retry-After, an hour: the limit that was hit is most likely the hourly one.
      return { status: 429, retryAfterSeconds: Number.isFinite(after) && after > 0 ? Math.min(after, 86_400) : 3600 };
    }
    if (!res.ok) return { status: res.status, error: `HTTP ${res.status}` };
    try {
      return { status: 200, events: parseEvents(JSON.parse(text), `${target.protocol}//${target.host}`) };
    } catch {
      return { status: res.status, error: `not the API's format: ${text.slice(0, 80)}` };
    }
  } catch (err) {
    return { status: 0, error: (err as Error).name === 'TimeoutError' ? 'no answer' : (err as Error).message };
  }
}
