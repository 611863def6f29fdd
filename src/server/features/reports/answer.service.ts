/** The recipient's side: open the item through the answer link, and answer it. */
import type { AppContext } from '../../context.js';
import { toLanguage, type Language } from '../../../shared/i18n/translate.js';
import type { RecipientAnswer } from '../../../shared/api/reports.js';
import * as repo from './action-items.repository.js';
import { findRecipientRow } from './recipients.repository.js';
import { checkAnswerLink, newAnswerLink } from './answer-links.js';
import { applyAnswer } from './answers.js';
import { mailItems } from './channels/email.js';
import type { AnswerView } from './answer-page.js';
import { associationName } from './follow-up.repository.js';
import { checkPhotoLink } from './photo-links.js';

export type Opened = { ok: true; view: AnswerView; linkId: string } | { ok: false; reason: 'invalid' | 'expired' | 'used'; lang: Language };

export async function openAnswerLink(ctx: AppContext, token: string, fallback: Language): Promise<Opened> {
  const check = await checkAnswerLink(ctx.db, ctx.linkSecret, token, ctx.clock.now());
  if (!check.ok) return { ok: false, reason: check.reason, lang: fallback };
  const item = (await repo.findItem(ctx.db, check.associationId, check.itemId))!;
  const recipient = (await findRecipientRow(ctx.db, check.associationId, item.recipient_id))!;
  const lang = toLanguage(recipient.language);
  return {
    ok: true,
    linkId: check.linkId,
    view: {
      lang,
      association: await associationName(ctx.db, check.associationId),
      itemId: item.id,
      categoryLabel: lang === 'en' ? item.label_en : item.label_sv,
      state: item.state,
      externalReference: item.external_reference,
      observations: await repo.observationsOfItems(ctx.db, check.associationId, [item.id]),
      token,
    },
  };
}

/** The photo of an item's observation, for a valid link only. */
export async function photoForLink(ctx: AppContext, token: string, sha256: string): Promise<{ bytes: Buffer; mime: string } | null> {
  const opened = await openAnswerLink(ctx, token, 'sv');
  if (!opened.ok) return null;
  const photo = opened.view.observations.flatMap((o) => o.photos).find((p) => p.sha256 === sha256);
  if (!photo) return null;
  const bytes = await ctx.files.get(sha256);
  return bytes ? { bytes, mime: photo.mime } : null;
}

/** A photo behind a signed media link (Open311 media_url): still one of the association's, and the link in time. */
export async function photoForMediaLink(ctx: AppContext, payload: string, signature: string): Promise<{ bytes: Buffer; mime: string } | null> {
  const named = checkPhotoLink(ctx.linkSecret, payload, signature, ctx.clock.now());
  if (!named) return null;
  const photo = await repo.photoOfAssociation(ctx.db, named.associationId, named.sha256);
  if (!photo) return null;
  const bytes = await ctx.files.get(named.sha256);
  return bytes ? { bytes, mime: photo.mime } : null;
}

/**
 * Records the recipient's answer and uses the link up, in one transaction; a
 * new link (shown at once and mailed) serves the next update. Two answers sent
 * at once with the same link: one wins, the other is told the link was used.
 */
export async function answerThroughLink(
  ctx: AppContext,
  token: string,
  answer: RecipientAnswer,
): Promise<{ ok: true; nextLink: string; state: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' }> {
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const check = await checkAnswerLink(trx, ctx.linkSecret, token, now);
    if (!check.ok) return check;
    if (!(await repo.useLink(trx, check.linkId, now.toISOString()))) return { ok: false as const, reason: 'used' as const };
    const item = (await repo.findItem(trx, check.associationId, check.itemId))!;
    await applyAnswer(
      trx,
      ctx,
      item,
      { state: answer.state, externalReference: answer.externalReference ?? undefined, note: answer.note },
      { byRecipient: true },
      now,
    );
    const recipient = (await findRecipientRow(trx, check.associationId, item.recipient_id))!;
    const nextLink = await newAnswerLink(trx, ctx.linkSecret, ctx.config.publicUrl, check.associationId, item.id, now);
    if (recipient.email) await mailItems(trx, ctx, recipient, [item.id], 'new_link');
    return { ok: true as const, nextLink, state: answer.state };
  });
  ctx.mail.kick();
  return result;
}
