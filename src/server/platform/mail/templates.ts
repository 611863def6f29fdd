/** E-mail bodies in the recipient's language, as plain text and as simple accessible HTML. */
import { translate, type Language, type MessageKey } from '../../../shared/i18n/translate.js';

export type MailTemplate =
  | 'invite'
  | 'reset'
  | 'verify'
  | 'shift_reminder'
  | 'shift_help_wanted'
  | 'shift_wont_run'
  | 'shift_late_withdrawal'
  | 'shift_promoted'
  | 'shift_cancelled'
  | 'shift_missed_checkin'
  | 'vehicle_due'
  | 'item_closed'
  | 'item_escalated'
  | 'est_weekly';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** "Hej Anna!" when the name is known, else a plain "Hej!": never a placeholder. */
export function greetingOf(lang: Language, name: string | null | undefined): string {
  return name?.trim() ? translate(lang, 'mail.greeting', { name: name.trim() }) : translate(lang, 'mail.greeting.plain');
}

/**
 * Renders one template; params fill the {placeholders}, link is the one action; privacy, when given, links the privacy notice.
 * Extra lines (already in the reader's language) follow the body, each its own paragraph.
 */
export function renderMail(
  lang: Language,
  template: MailTemplate,
  params: { name: string; association: string; link: string } & Record<string, string>,
  extra: string[] = [],
): RenderedMail {
  const t = (key: string) => translate(lang, key as MessageKey, params);
  const subject = t(`mail.${template}.subject`);
  const greeting = greetingOf(lang, params.name);
  const body = [t(`mail.${template}.body`), ...extra].join('\n\n');
  const action = t(`mail.${template}.action`);
  const footer = t('mail.footer');
  const privacy = params.privacy ? `${t('mail.privacy')}: ${params.privacy}` : null;
  const text = `${greeting}\n\n${body}\n\n${action}: ${params.link}\n\n${privacy ? `${privacy}\n\n` : ''}-- \n${footer}\n`;
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:sans-serif;font-size:18px;line-height:1.5;color:#111;background:#fff">
<p>${escapeHtml(greeting)}</p>
${body
  .split('\n\n')
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join('\n')}
<p><a href="${escapeHtml(params.link)}" style="display:inline-block;padding:14px 22px;background:#0b4f8a;color:#fff;text-decoration:none;border-radius:6px;font-weight:bold">${escapeHtml(action)}</a></p>
<p style="font-size:15px">${escapeHtml(params.link)}</p>
${params.privacy ? `<p style="font-size:15px"><a href="${escapeHtml(params.privacy)}">${escapeHtml(t('mail.privacy'))}</a></p>\n` : ''}<hr><p style="font-size:15px;color:#333">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
