/** Back to the volunteer: the member who made an observation is told when its item is closed, and coordinators when an item needs them. */
import type { AppContext } from '../../context.js';
import { enqueueMail } from '../../platform/mail/outbox.repository.js';
import { renderMail, type MailTemplate } from '../../platform/mail/templates.js';
import { toLanguage, translate, type MessageKey } from '../../../shared/i18n/translate.js';
import type { ItemRow } from './action-items.repository.js';
import { coordinatorsOf } from '../shifts/shift-mail.js';
import { caseNumber } from './item-mail.js';
import { associationName, authorsOfItem } from './follow-up.repository.js';
import type { Executor } from '../../platform/db/database.js';

async function mailAboutItem(
  db: Executor,
  ctx: AppContext,
  to: { name: string; email: string; language: string }[],
  template: MailTemplate,
  row: ItemRow,
  link: string,
  state: string,
  answer: { note?: string | null; reference?: string | null } = {},
) {
  const association = await associationName(db, row.association_id);
  for (const r of to) {
    const lang = toLanguage(r.language);
    const params = {
      name: r.name,
      association,
      category: lang === 'en' ? row.label_en : row.label_sv,
      recipient: row.recipient_name,
      state: translate(lang, `items.state.${state}` as MessageKey),
      case: caseNumber(row.id),
      link,
    };
    // What the recipient said and their own case number, when they gave them: what the observer wants to know.
    const extra = [
      answer.reference ? translate(lang, `mail.${template}.reference` as MessageKey, { ...params, reference: answer.reference }) : null,
      answer.note ? translate(lang, `mail.${template}.note` as MessageKey, { ...params, note: answer.note }) : null,
    ].filter((line): line is string => line !== null);
    const mail = renderMail(lang, template, params, extra);
    await enqueueMail(db, { ...mail, to: r.email, language: lang, associationId: row.association_id }, ctx.mail);
  }
}

/** Tells the authors of the item's observations what came of it (once, when it closes), with the recipient's note and case number. */
export async function notifyObserversIfClosed(
  db: Executor,
  ctx: AppContext,
  row: ItemRow,
  state: string,
  answer: { note?: string | null; reference?: string | null } = {},
): Promise<void> {
  const authors = await authorsOfItem(db, row.id);
  const seen = new Set<string>();
  for (const a of authors) {
    if (seen.has(a.email)) continue;
    seen.add(a.email);
    await mailAboutItem(db, ctx, [a], 'item_closed', row, `${ctx.config.publicUrl}/observations/${a.observation_id}`, state, answer);
  }
}

/** Tells the coordinators that an item got no answer even after a reminder. */
export async function notifyCoordinatorsEscalated(db: Executor, ctx: AppContext, row: ItemRow): Promise<void> {
  await mailAboutItem(db, ctx, await coordinatorsOf(db, row.association_id), 'item_escalated', row, `${ctx.config.publicUrl}/items/${row.id}`, row.state);
}
