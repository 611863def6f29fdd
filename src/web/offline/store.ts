/**
 * The phone's own outbox: observations (and their photos) saved on the device
 * in IndexedDB until the server has them. It survives a reload, a closed app
 * and a flat battery; only a confirmed upload removes an entry.
 */
import type { ObservationPut } from '../../shared/api/observations.js';

export interface QueuedObservation {
  /** The observation's id, made on the phone; the server stores it under the same id. */
  id: string;
  body: ObservationPut;
  /** A downscaled JPEG, or null. */
  photo: Blob | null;
  queuedAt: string;
  /** What went wrong the last time, if the server refused it (not for a missing connection). */
  error: string | null;
  /** The observation is on the server and only its photo is left to send. */
  observationSent: boolean;
}

const DB_NAME = 'grannstod';
const STORE = 'outbox';
/** Stretches of the route driven, waiting to be sent like observations. */
const TRACK = 'track';

export interface QueuedSegment {
  id: string;
  shiftId: string;
  points: { t: string; lat: number; lng: number }[];
}

let opening: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 2);
    req.onupgradeneeded = (e) => {
      if (e.oldVersion < 1) req.result.createObjectStore(STORE, { keyPath: 'id' });
      if (e.oldVersion < 2) req.result.createObjectStore(TRACK, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>, name = STORE): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const tx = d.transaction(name, mode);
        const req = work(tx.objectStore(name));
        // Resolved when the transaction is durable, not merely when the request ran.
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

export const putQueued = (item: QueuedObservation) => run('readwrite', (s) => s.put(item)).then(() => undefined);
export const removeQueued = (id: string) => run('readwrite', (s) => s.delete(id)).then(() => undefined);
export const allQueued = () =>
  run<QueuedObservation[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedObservation[]>).then((xs) => xs.sort((a, b) => a.id.localeCompare(b.id)));

export const putSegment = (segment: QueuedSegment) => run('readwrite', (s) => s.put(segment), TRACK).then(() => undefined);
export const removeSegment = (id: string) => run('readwrite', (s) => s.delete(id), TRACK).then(() => undefined);
export const allSegments = () =>
  run<QueuedSegment[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedSegment[]>, TRACK).then((xs) => xs.sort((a, b) => a.id.localeCompare(b.id)));
