/**
 * A photo's address for a recipient's system (Open311 `media_url`): it serves
 * the cleaned image without a session, for a while. The token carries the
 * association, the photo's hash and the expiry, and an HMAC over them, so a
 * changed character, another photo or a moved expiry fails; it names no
 * observation and no person. The address grants access, so it is never
 * logged (the route declares it secret) and never stored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Long enough for a case system to fetch the picture when a handler opens the case. */
export const PHOTO_LINK_DAYS = 90;

const mac = (secret: string, payload: Buffer) => createHmac('sha256', secret).update('photo-link\n').update(payload).digest();

/** The association's id (16 bytes), the photo's hash (32) and the expiry in Unix seconds (4), packed: short enough for a path. */
function pack(associationId: string, sha256: string, exp: number): Buffer {
  const out = Buffer.alloc(52);
  Buffer.from(associationId.replace(/-/g, ''), 'hex').copy(out, 0);
  Buffer.from(sha256, 'hex').copy(out, 16);
  out.writeUInt32BE(exp, 48);
  return out;
}

export function photoLink(secret: string, publicUrl: string, associationId: string, sha256: string, now: Date): string {
  const payload = pack(associationId, sha256, Math.floor(now.getTime() / 1000) + PHOTO_LINK_DAYS * 86_400);
  return `${publicUrl}/media/${payload.toString('base64url')}/${mac(secret, payload).toString('base64url')}.jpg`;
}

/** The association and photo a link names, or null when it is forged, altered or expired. */
export function checkPhotoLink(secret: string, payloadText: string, signature: string, now: Date): { associationId: string; sha256: string } | null {
  const m = /^([A-Za-z0-9_-]{43})\.jpg$/.exec(signature);
  if (!m || !/^[A-Za-z0-9_-]{70}$/.test(payloadText)) return null;
  const payload = Buffer.from(payloadText, 'base64url');
  const given = Buffer.from(m[1]!, 'base64url');
  const expected = mac(secret, payload);
  if (payload.length !== 52 || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (payload.readUInt32BE(48) * 1000 <= now.getTime()) return null;
  const hex = payload.subarray(0, 16).toString('hex');
  const associationId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { associationId, sha256: payload.subarray(16, 48).toString('hex') };
}
