/**
 * The page a recipient answers on, without an account: server-rendered HTML
 * in the recipient's language, large and plain, with no script. It shows the
 * item (what, where, when, the crew's words and photos) and a form for the
 * state, the recipient's case number and a note.
 */
import { escapeHtml } from '../../platform/mail/templates.js';
import { translate, type Language, type MessageKey } from '../../../shared/i18n/translate.js';
import { answerStates } from '../../../shared/domain/action-items.js';
import type { ItemObservation } from './action-items.repository.js';
import { caseNumber, formatWhen, mapLink, placeOf } from './item-mail.js';

const page = (lang: Language, title: string, body: string) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/svar/answer.css"></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;

export interface AnswerView {
  lang: Language;
  association: string;
  itemId: string;
  categoryLabel: string;
  state: string;
  externalReference: string | null;
  observations: ItemObservation[];
  token: string;
  /** Field errors from a refused submission. */
  errors?: string[];
}

export function renderAnswerForm(v: AnswerView): string {
  const t = (key: string, params: Record<string, string> = {}) => translate(v.lang, key as MessageKey, { association: v.association, ...params });
  const obs = v.observations
    .map(
      (o) => `<section class="observation">
<p><strong>${escapeHtml(t('items.mail.when'))}:</strong> ${escapeHtml(formatWhen(v.lang, o.observed_at))}</p>
<p><strong>${escapeHtml(t('items.mail.where'))}:</strong> ${escapeHtml(placeOf(o))} · <a href="${escapeHtml(mapLink(o.lat, o.lng))}">${escapeHtml(t('items.mail.map'))}</a></p>
${o.text ? `<p><strong>${escapeHtml(t('items.mail.words'))}:</strong> ${escapeHtml(o.text)}</p>` : ''}
${o.photos.map((p, i) => `<img src="/svar/${escapeHtml(v.token)}/photos/${p.sha256}" alt="${escapeHtml(t('answer.photo', { n: String(i + 1) }))}">`).join('\n')}
</section>`,
    )
    .join('\n');
  const options = answerStates
    .map(
      (s) =>
        `<label class="choice"><input type="radio" name="state" value="${s}" required${s === v.state ? ' checked' : ''}> ${escapeHtml(t(`items.state.${s}`))}</label>`,
    )
    .join('\n');
  const errors = v.errors?.length ? `<div class="error" role="alert"><p>${v.errors.map(escapeHtml).join('</p><p>')}</p></div>` : '';
  return page(
    v.lang,
    t('answer.title', { category: v.categoryLabel }),
    `<p class="lead">${escapeHtml(t('answer.intro'))}</p>
<p>${escapeHtml(t('items.mail.case'))} <strong>${caseNumber(v.itemId)}</strong> · ${escapeHtml(t('answer.current'))}: <strong>${escapeHtml(t(`items.state.${v.state}`))}</strong></p>
${obs}
${errors}
<form method="post" action="/svar/${escapeHtml(v.token)}">
<fieldset><legend>${escapeHtml(t('answer.state'))}</legend>${options}</fieldset>
<label for="reference">${escapeHtml(t('answer.reference'))}</label>
<input id="reference" name="externalReference" maxlength="100" value="${escapeHtml(v.externalReference ?? '')}" autocomplete="off">
<label for="note">${escapeHtml(t('answer.note'))}</label>
<textarea id="note" name="note" maxlength="2000" rows="4"></textarea>
<button type="submit">${escapeHtml(t('answer.send'))}</button>
</form>`,
  );
}

export function renderAnswerThanks(lang: Language, association: string, state: string, nextLink: string): string {
  const t = (key: string, params: Record<string, string> = {}) => translate(lang, key as MessageKey, { association, ...params });
  return page(
    lang,
    t('answer.thanks'),
    `<p class="lead">${escapeHtml(t('answer.saved', { state: t(`items.state.${state}`) }))}</p>
<p>${escapeHtml(t('answer.next_link'))}</p><p><a href="${escapeHtml(nextLink)}">${escapeHtml(t('answer.update_later'))}</a></p>`,
  );
}

/** A link that does not open: tampered, expired or used. Says which, and what to do. */
export function renderLinkRefused(lang: Language, reason: 'invalid' | 'expired' | 'used'): string {
  const t = (key: string) => translate(lang, key as MessageKey);
  return page(lang, t(`answer.refused.${reason}.title`), `<p class="lead">${escapeHtml(t(`answer.refused.${reason}.body`))}</p>`);
}

export const ANSWER_CSS = `
:root { color-scheme: light; }
body { margin: 0; font: 20px/1.5 system-ui, sans-serif; color: #111; background: #fff; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
a { color: #0b4f8a; }
.lead { font-size: 1.15rem; }
.observation { border: 2px solid #0b4f8a; border-radius: 8px; padding: .5rem 1rem; margin: 1rem 0; }
.observation img { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
fieldset { border: 2px solid #555; border-radius: 8px; margin: 1rem 0; padding: .5rem 1rem; }
legend { font-weight: 700; padding: 0 .25rem; }
.choice { display: flex; align-items: center; gap: .75rem; min-height: 48px; }
.choice input { width: 28px; height: 28px; }
label { display: block; font-weight: 700; margin-top: 1rem; }
.choice { font-weight: 400; margin-top: 0; }
input:not([type=radio]), textarea { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: .6rem; border: 2px solid #333; border-radius: 6px; min-height: 48px; }
button { margin-top: 1.5rem; font: inherit; font-weight: 700; color: #fff; background: #0b4f8a; border: 0; border-radius: 8px; padding: .8rem 1.6rem; min-height: 56px; cursor: pointer; }
button:focus-visible, input:focus-visible, textarea:focus-visible, a:focus-visible { outline: 4px solid #f2b705; outline-offset: 2px; }
.error { border: 3px solid #a4000f; background: #fff0f0; color: #a4000f; padding: .25rem 1rem; border-radius: 8px; }
`;
