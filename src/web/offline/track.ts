/**
 * Sampling the route driven during a running shift, only when the crew has
 * said yes: a position every 30 seconds or 100 metres, whichever comes first,
 * saved on the phone in stretches of up to 20 positions (or 2 minutes), then
 * sent like observations. Turned off by the crew, at check-out, or when the
 * shift is no longer running; a reload during the shift carries on.
 */
import { signal } from '@preact/signals';
import { distanceKm } from '../../shared/domain/geo.js';
import { uuidv7 } from '../../shared/domain/ids.js';
import { putSegment, type QueuedSegment } from './store.js';
import { syncNow } from './sync.js';

const KEY = 'grannstod.tracking';
const MIN_SECONDS = 30;
const MIN_METRES = 100;
const STRETCH_POINTS = 20;
const STRETCH_MS = 2 * 60_000;

/** The shift whose route is being sampled on this phone, if any. */
export const trackingShift = signal<string | null>(localStorage.getItem(KEY));

let watch: number | null = null;
let flushTimer: ReturnType<typeof setInterval> | null = null;
let stretch: QueuedSegment['points'] = [];

async function flush(shiftId: string): Promise<void> {
  if (stretch.length === 0) return;
  const points = stretch;
  stretch = [];
  await putSegment({ id: uuidv7(), shiftId, points });
  void syncNow();
}

function keep(shiftId: string, p: GeolocationPosition): void {
  const last = stretch.at(-1);
  // The phone's clock when the fix arrived (a cached fix's own timestamp can be minutes old).
  const now = Date.now();
  const t = new Date(now).toISOString();
  const moved = last ? distanceKm(last.lat, last.lng, p.coords.latitude, p.coords.longitude) * 1000 : Infinity;
  const waited = last ? (now - Date.parse(last.t)) / 1000 : Infinity;
  if (moved < MIN_METRES && waited < MIN_SECONDS) return;
  stretch.push({ t, lat: p.coords.latitude, lng: p.coords.longitude });
  if (stretch.length >= STRETCH_POINTS) void flush(shiftId);
}

export function startTracking(shiftId: string): void {
  stopTracking();
  localStorage.setItem(KEY, shiftId);
  trackingShift.value = shiftId;
  if (!('geolocation' in navigator)) return;
  watch = navigator.geolocation.watchPosition(
    (p) => keep(shiftId, p),
    () => undefined,
    { enableHighAccuracy: true, maximumAge: 10_000 },
  );
  flushTimer = setInterval(() => void flush(shiftId), STRETCH_MS);
}

export function stopTracking(): void {
  const shiftId = trackingShift.value;
  if (watch !== null) navigator.geolocation.clearWatch(watch);
  if (flushTimer) clearInterval(flushTimer);
  watch = null;
  flushTimer = null;
  if (shiftId) void flush(shiftId);
  localStorage.removeItem(KEY);
  trackingShift.value = null;
}

/** After a reload: carries on sampling if this phone was doing so for a shift still running. */
export function resumeTracking(running: (shiftId: string) => Promise<boolean>): void {
  const shiftId = trackingShift.value;
  if (!shiftId) return;
  void running(shiftId).then((yes) => (yes ? startTracking(shiftId) : stopTracking()));
}
