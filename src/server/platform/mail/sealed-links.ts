/**
 * Links that grant access (password reset, change of e-mail, invitation, a
 * recipient's answer link) must not be readable in the outbox: an admin who
 * could read a member's reset link could take over the account. So a mail
 * that carries one is stored with a marker in its place, and the links
 * themselves are kept sealed (AES-256-GCM under a key derived from the auth
 * secret) in a column of their own. The mail worker unseals them to send the
 * mail, then drops the sealed copy; admins see "[link hidden]".
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { escapeHtml, type RenderedMail } from './templates.js';

const marker = (i: number) => `[[sealed-link-${i}]]`;
const MARKERS = /\[\[sealed-link-(\d+)\]\]/g;

/** The key that seals links, derived from the auth secret so that it needs no setting of its own. */
export function mailLinkKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret, 'grannstod', 'mail-outbox-links', 32));
}

/** Replaces each secret link in the mail by a marker; returns the mail to store and the sealed links (null when none). */
export function sealLinks(mail: RenderedMail, links: readonly string[], key: Buffer): { mail: RenderedMail; sealed: string | null } {
  const present = links.filter((l) => l && (mail.text.includes(l) || mail.html.includes(escapeHtml(l))));
  if (present.length === 0) return { mail, sealed: null };
  let { text, html } = mail;
  present.forEach((link, i) => {
    text = text.split(link).join(marker(i));
    html = html.split(escapeHtml(link)).join(marker(i));
  });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(present), 'utf8'), cipher.final()]);
  return { mail: { ...mail, text, html }, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
}

/** The mail as it is sent: each marker back to its link (escaped in HTML). */
export function unsealLinks(body: { text: string; html: string }, sealed: string | null, key: Buffer): { text: string; html: string } {
  if (!sealed) return body;
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const links = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as string[];
  return {
    text: body.text.replace(MARKERS, (m, i: string) => links[Number(i)] ?? m),
    html: body.html.replace(MARKERS, (m, i: string) => (links[Number(i)] !== undefined ? escapeHtml(links[Number(i)]!) : m)),
  };
}

/** The mail as admins read it in the outbox: each link shown as hidden. */
export function hideLinks(body: string, hidden: string): string {
  // [[hidden-link]] is what migration 0010 left where older mails had such a link in clear.
  return body.replace(MARKERS, hidden).replaceAll('[[hidden-link]]', hidden);
}
