/**
 * Sends what waits in the phone's outbox, oldest first, when there is a
 * connection: at start, when the phone comes online, after each save, and
 * every 30 seconds. The PUT is idempotent, so an upload cut off halfway is
 * simply sent again; a refusal (bad input, the same id with other content)
 * is kept with its reason for the member to see, never dropped.
 */
import { signal } from '@preact/signals';
import { ApiError } from '../api.js';
import { answer, client } from '../api-client.js';
import { allQueued, allSegments, putQueued, removeQueued, removeSegment, type QueuedObservation } from './store.js';

export const waiting = signal<QueuedObservation[]>([]);
let running: Promise<void> | null = null;

export async function refreshWaiting(): Promise<void> {
  waiting.value = await allQueued();
}

async function sendPhoto(item: QueuedObservation): Promise<void> {
  await answer(
    client.POST('/api/observations/{id}/photos', {
      params: { path: { id: item.id } },
      // The picture itself is the body (the route reads raw image bytes, so the document declares no JSON body).
      body: item.photo as never,
      bodySerializer: () => item.photo!,
      headers: { 'content-type': 'image/jpeg' },
    }),
  );
}

async function sendOne(item: QueuedObservation): Promise<'sent' | 'offline' | 'refused'> {
  try {
    if (!item.observationSent) {
      await answer(client.PUT('/api/observations/{id}', { params: { path: { id: item.id } }, body: item.body }));
      item.observationSent = true;
      if (item.photo) await putQueued({ ...item, error: null });
    }
    if (item.photo) await sendPhoto(item);
    await removeQueued(item.id);
    return 'sent';
  } catch (err) {
    if (err instanceof ApiError && err.status === 0) return 'offline';
    // Signed out, or the server is down: try again later, nothing is wrong with the observation.
    if (err instanceof ApiError && (err.status === 401 || err.status >= 500)) return 'offline';
    await putQueued({ ...item, error: err instanceof ApiError ? err.title : String(err) });
    return 'refused';
  }
}

/**
 * A connection that has just come back often fails its first requests (the
 * phone says "online" before the network carries anything), so a failed send
 * is tried again soon, then less and less often, while anything is waiting.
 */
const RETRY_MS = [2_000, 5_000, 10_000, 30_000];
let retries = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
function retryLater(): void {
  if (retryTimer) return;
  const delay = RETRY_MS[Math.min(retries, RETRY_MS.length - 1)]!;
  retries += 1;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void syncNow();
  }, delay);
}

/** Sends the route's waiting stretches; a refused one (a shift long over) is dropped, it cannot become valid. */
async function sendSegments(): Promise<'sent' | 'offline'> {
  for (const segment of await allSegments()) {
    try {
      await answer(
        client.PUT('/api/shifts/{id}/track/{segmentId}', {
          params: { path: { id: segment.shiftId, segmentId: segment.id } },
          body: { points: segment.points },
        }),
      );
    } catch (err) {
      if (err instanceof ApiError && (err.status === 0 || err.status === 401 || err.status >= 500)) return 'offline';
    }
    await removeSegment(segment.id);
  }
  return 'sent';
}

export function syncNow(): Promise<void> {
  running ??= (async () => {
    try {
      let cutOff = false;
      for (const item of await allQueued()) {
        if (item.error) continue;
        if ((await sendOne(item)) === 'offline') {
          cutOff = true;
          break;
        }
      }
      if (!cutOff) cutOff = (await sendSegments()) === 'offline';
      if (cutOff) retryLater();
      else retries = 0;
    } finally {
      await refreshWaiting();
      running = null;
    }
  })();
  return running;
}

/** Saves on the phone first (that is what "saved" means), then tries to send. */
export async function saveObservation(item: Omit<QueuedObservation, 'queuedAt' | 'error' | 'observationSent'>): Promise<void> {
  await putQueued({ ...item, queuedAt: new Date().toISOString(), error: null, observationSent: false });
  await refreshWaiting();
  void syncNow();
}

/** Gives a refused entry another try (after the member fixed what was wrong elsewhere), or drops it. */
export async function retryQueued(id: string): Promise<void> {
  const item = (await allQueued()).find((q) => q.id === id);
  if (item) await putQueued({ ...item, error: null });
  await syncNow();
}
export async function discardQueued(id: string): Promise<void> {
  await removeQueued(id);
  await refreshWaiting();
}

export function startSync(): void {
  void refreshWaiting().then(() => syncNow());
  window.addEventListener('online', () => {
    retries = 0;
    void syncNow();
  });
  setInterval(() => {
    if (navigator.onLine) void syncNow();
  }, 30_000);
}
