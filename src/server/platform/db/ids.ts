/** Time-ordered ids (UUIDv7, RFC 9562): sortable by creation, safe to make on any device. */
import { randomBytes } from 'node:crypto';

export function newId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Timestamps are stored as ISO-8601 UTC text on both dialects, so they sort and compare as strings. */
export function nowIso(): string {
  return new Date().toISOString();
}
