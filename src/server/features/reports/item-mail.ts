/**
 * What a recipient receives: one item, or a day's items in one digest, in the
 * recipient's language, with the place as words, coordinates and a map link,
 * the crew's words and photos (attached), the deadline, and the answer link.
 */
import { escapeHtml, greetingOf, type RenderedMail } from '../../platform/mail/templates.js';
import type { MailAttachment } from '../../platform/mail/outbox.repository.js';
import { translate, type Language, type MessageKey } from '../../../shared/i18n/translate.js';
import { TIME_ZONE } from '../../../shared/domain/time.js';
import type { ItemObservation } from './action-items.repository.js';

export interface MailItem {
  id: string;
  categoryLabel: string;
  urgent: boolean;
  dueAt: string | null;
  link: string;
  observations: ItemObservation[];
}

export type ItemMailKind = 'item' | 'digest' | 'reminder' | 'new_link' | 'photo';

/** A short, stable case number for subjects and phone calls: the item id's last eight characters. */
export const caseNumber = (itemId: string) => itemId.replace(/-/g, '').slice(-8).toUpperCase();

export const mapLink = (lat: number, lng: number) =>
  `https://www.openstreetmap.org/?mlat=${lat.toFixed(6)}&mlon=${lng.toFixed(6)}#map=18/${lat.toFixed(6)}/${lng.toFixed(6)}`;

export function formatWhen(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function placeOf(o: Pick<ItemObservation, 'address' | 'area_name' | 'lat' | 'lng'>): string {
  return [o.address, o.area_name, `${o.lat.toFixed(5)}, ${o.lng.toFixed(5)}`].filter(Boolean).join(' · ');
}

function itemLines(lang: Language, item: MailItem): string[] {
  const t = (key: string, params: Record<string, string> = {}) => translate(lang, key as MessageKey, params);
  const lines = [`${item.categoryLabel}${item.urgent ? ` (${t('items.mail.urgent')})` : ''} · ${t('items.mail.case')} ${caseNumber(item.id)}`];
  for (const o of item.observations) {
    lines.push(`${t('items.mail.when')}: ${formatWhen(lang, o.observed_at)}`);
    lines.push(`${t('items.mail.where')}: ${defang(placeOf(o))}`);
    lines.push(`${t('items.mail.map')}: ${mapLink(o.lat, o.lng)}`);
    if (o.text) lines.push(`${t('items.mail.words')}: ${defang(o.text)}`);
    if (o.photos.length > 0) lines.push(t('items.mail.photos', { n: String(o.photos.length) }));
  }
  if (item.dueAt) lines.push(t('items.mail.due', { date: formatWhen(lang, item.dueAt) }));
  lines.push(`${t('items.mail.answer')}: ${item.link}`);
  return lines;
}

/** A mail to a recipient about its items, greeting its contact person by name when the address is theirs. */
export function renderItemMail(
  lang: Language,
  kind: ItemMailKind,
  association: string,
  items: MailItem[],
  contactName: string | null = null,
): RenderedMail & { attachments: MailAttachment[] } {
  const t = (key: string, params: Record<string, string> = {}) => translate(lang, key as MessageKey, { association, ...params });
  const first = items[0]!;
  const subject =
    kind === 'digest'
      ? t('items.mail.digest.subject', { n: String(items.length) })
      : t(`items.mail.${kind}.subject`, { category: first.categoryLabel, case: caseNumber(first.id) });
  const intro = t(`items.mail.${kind}.intro`, { n: String(items.length) });
  const blocks = items.map((i) => itemLines(lang, i));
  const footer = t('items.mail.footer');
  // Only the map line is ours to make a link of; the crew's words and places stay text.
  const mapLabel = `${t('items.mail.map')}: `;
  const greeting = greetingOf(lang, contactName);
  const text = `${greeting}\n\n${intro}\n\n${blocks.map((b) => b.join('\n')).join('\n\n')}\n\n-- \n${footer}\n`;
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:sans-serif;font-size:18px;line-height:1.5;color:#111;background:#fff">
<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p>
${items
  .map(
    (item, n) => `<div style="border:2px solid #0b4f8a;border-radius:8px;padding:12px 16px;margin:16px 0">
${blocks[n]!.slice(0, -1)
  .map((line, i) =>
    i === 0
      ? `<h2 style="font-size:20px;margin:0 0 8px">${escapeHtml(line)}</h2>`
      : `<p style="margin:4px 0">${line.startsWith(mapLabel) ? linkify(line) : escapeHtml(line)}</p>`,
  )
  .join('\n')}
<p><a href="${escapeHtml(item.link)}" style="display:inline-block;padding:14px 22px;background:#0b4f8a;color:#fff;text-decoration:none;border-radius:6px;font-weight:bold">${escapeHtml(t('items.mail.answer'))}</a></p>
</div>`,
  )
  .join('\n')}
<hr><p style="font-size:15px;color:#333">${escapeHtml(footer)}</p></body></html>`;
  const attachments = items.flatMap((i) =>
    i.observations.flatMap((o) =>
      o.photos.map((p, k) => ({ filename: `${caseNumber(i.id)}-${k + 1}.${p.mime === 'image/png' ? 'png' : 'jpg'}`, sha256: p.sha256, mime: p.mime })),
    ),
  );
  return { subject, text, html, attachments };
}

/** Escapes a line and makes its URL, if any, a link. */
/** Top-level domains a mail client would make a link of, in text that names a web address without its scheme. */
const TLDS = 'se|nu|com|net|org|info|biz|io|eu|fi|no|dk|de|uk|co|me|app|dev|xyz|top|site|online|link|click|ru|cn';
const ADDRESS_LIKE = new RegExp(String.raw`\b(?:(?:https?|ftp)://\S+|www\.\S+|[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:${TLDS})\b\S*)`, 'giu');

/**
 * The crew's words go out in the association's name: whatever looks like a web address is broken up
 * ("evil[.]com", "hxxps://…") so that no mail client turns it into a link the recipient might follow.
 */
export function defang(text: string): string {
  return text.replace(ADDRESS_LIKE, (m) => m.replace(/^http/i, 'hxxp').replace(/^ftp/i, 'fxp').replace(/\./g, '[.]'));
}

function linkify(line: string): string {
  const m = /(https?:\/\/\S+)/.exec(line);
  if (!m) return escapeHtml(line);
  return `${escapeHtml(line.slice(0, m.index))}<a href="${escapeHtml(m[1]!)}">${escapeHtml(m[1]!)}</a>${escapeHtml(line.slice(m.index + m[1]!.length))}`;
}
