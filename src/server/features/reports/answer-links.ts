/**
 * The link a recipient without an account answers through. The token is the
 * link row's id and an HMAC over it, its item and its expiry: a changed
 * character, another item's id or a moved expiry fails the check. Each link
 * is used once (the row records when); answering hands out a new one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as repo from './action-items.repository.js';
import type { Executor } from '../../platform/db/database.js';

/** Long enough for a case handler's holiday; a reminder brings a fresh one. */
export const LINK_DAYS = 60;

const mac = (secret: string, linkId: string, itemId: string, expiresAt: string) =>
  createHmac('sha256', secret).update(`recipient-link\n${linkId}\n${itemId}\n${expiresAt}`).digest();

export async function newAnswerLink(db: Executor, secret: string, publicUrl: string, associationId: string, itemId: string, now: Date): Promise<string> {
  const expiresAt = new Date(now.getTime() + LINK_DAYS * 86_400_000).toISOString();
  const linkId = await repo.insertLink(db, associationId, itemId, expiresAt, now.toISOString());
  return `${publicUrl}/svar/${linkId}.${mac(secret, linkId, itemId, expiresAt).toString('base64url')}`;
}

export type LinkCheck = { ok: true; linkId: string; itemId: string; associationId: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Checks a token from a URL: its signature, its expiry and whether it was used. */
export async function checkAnswerLink(db: Executor, secret: string, token: string, now: Date): Promise<LinkCheck> {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  const link = await repo.findLink(db, m[1]!);
  if (!link) return { ok: false, reason: 'invalid' };
  const given = Buffer.from(m[2]!, 'base64url');
  const expected = mac(secret, link.id, link.item_id, link.expires_at);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  if (Date.parse(link.expires_at) <= now.getTime()) return { ok: false, reason: 'expired' };
  if (link.used_at) return { ok: false, reason: 'used' };
  return { ok: true, linkId: link.id, itemId: link.item_id, associationId: link.association_id };
}
