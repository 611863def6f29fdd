/**
 * Every mail the product sends, in Swedish and English, with and without the
 * optional values: no placeholder is left, the greeting names a person or is
 * a plain "Hej!", the HTML passes a validator and the text part reads alone.
 */
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { renderMail, type MailTemplate, type RenderedMail } from './templates.js';
import { renderItemMail, type ItemMailKind, type MailItem } from '../../features/reports/item-mail.js';
import { contactNameOf } from '../../features/reports/channels/email.js';
import { languages, type Language } from '../../../shared/i18n/translate.js';

const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

/** The values each template is given where the code sends it (see the callers of renderMail). */
const templates: Record<MailTemplate, Record<string, string>> = {
  invite: { inviter: 'Berit Admin' },
  reset: {},
  verify: {},
  shift_reminder: { shift: 'lör 5 dec 18:00–22:00, Bil 1' },
  shift_help_wanted: { shift: 'lör 5 dec 18:00–22:00, Bil 1' },
  shift_wont_run: { shift: 'lör 5 dec 18:00–22:00, Bil 1' },
  shift_late_withdrawal: { shift: 'lör 5 dec 18:00–22:00, Bil 1', member: 'Åke Ström' },
  shift_promoted: { shift: 'lör 5 dec 18:00–22:00, Bil 1' },
  shift_cancelled: { shift: 'lör 5 dec 18:00–22:00, Bil 1', reason: 'Bilen är på service' },
  shift_missed_checkin: { shift: 'lör 5 dec 18:00–22:00, Bil 1' },
  vehicle_due: { vehicle: 'Bil 1', what: 'Besiktning', date: '2026-12-20' },
  item_closed: { category: 'Klotter', recipient: 'Huddinge kommun', state: 'Åtgärdat', case: 'G-01A2B3' },
  item_escalated: { category: 'Klotter', recipient: 'Huddinge kommun', state: 'Skickat', case: 'G-01A2B3' },
  est_weekly: { from: '2026-11-30', to: '2026-12-06', count: '12' },
};

async function expectReadable(mail: RenderedMail, lang: Language, what: string) {
  for (const part of [mail.subject, mail.text, mail.html]) expect(part, what).not.toMatch(/\{[\w.]+\}/);
  expect(mail.text, what).toMatch(lang === 'sv' ? /^Hej( [^!\n]+)?!\n/ : /^Hello( [^!\n]+)?!\n/);
  expect(mail.html, what).toContain(`<html lang="${lang}">`);
  const report = await validator.validateString(mail.html);
  expect(
    report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
    what,
  ).toEqual([]);
  // The text part stands alone: no markup, no entity, nothing only the HTML explains.
  expect(mail.text, what).not.toMatch(/<[a-z/]|&[a-z]+;/i);
}

describe('every member mail', () => {
  for (const lang of languages) {
    for (const [template, values] of Object.entries(templates) as [MailTemplate, Record<string, string>][]) {
      it(`${template} (${lang}), with and without the optional values`, async () => {
        const base = { association: 'Grannstöd Huddinge', link: 'https://grannstod.example.se/x', ...values };
        const full = renderMail(lang, template, { ...base, name: 'Anna Andersson', privacy: 'https://grannstod.example.se/privacy/1' }, ['Extra rad.']);
        await expectReadable(full, lang, `${template} full`);
        expect(full.text).toContain('Anna Andersson');
        const bare = renderMail(lang, template, { ...base, name: '' });
        await expectReadable(bare, lang, `${template} bare`);
        expect(bare.text.split('\n')[0]).toBe(lang === 'sv' ? 'Hej!' : 'Hello!');
      });
    }
  }
});

const observation = (extra: Partial<MailItem['observations'][number]> = {}): MailItem['observations'][number] => ({
  item_id: 'i',
  id: 'o',
  public_id: 'o',
  urgency: 'needs_action',
  text: null,
  lat: 59.237,
  lng: 17.982,
  address: null,
  observed_at: '2026-11-27T10:00:00.000Z',
  author_member_id: 'm',
  area_name: null,
  photos: [],
  ...extra,
});
const item = (observations: MailItem['observations'], dueAt: string | null): MailItem => ({
  id: '01a247a1-674c-7702-81fc-e6a96729c6cf',
  categoryLabel: 'Klotter',
  urgent: false,
  dueAt,
  link: 'https://grannstod.example.se/svar/abc.def',
  observations,
});

describe('every mail to a recipient', () => {
  const kinds: ItemMailKind[] = ['item', 'digest', 'reminder', 'new_link', 'photo'];
  for (const lang of languages) {
    for (const kind of kinds) {
      it(`${kind} (${lang}): greets the contact by name or plainly, nothing left unfilled`, async () => {
        const full = [
          item(
            [
              observation({
                text: 'Klotter på elskåpet',
                address: 'Storgatan 1',
                area_name: 'Flemingsberg',
                photos: [{ observation_id: 'o', sha256: 'a'.repeat(64), mime: 'image/jpeg' }],
              }),
            ],
            '2026-12-10T10:00:00.000Z',
          ),
          item([observation()], null),
        ];
        const named = renderItemMail(lang, kind, 'Grannstöd Huddinge', full, 'Karin Kommun');
        await expectReadable(named, lang, `${kind} named`);
        expect(named.text.split('\n')[0]).toBe(lang === 'sv' ? 'Hej Karin Kommun!' : 'Hello Karin Kommun!');
        const plain = renderItemMail(lang, kind, 'Grannstöd Huddinge', [item([observation()], null)]);
        await expectReadable(plain, lang, `${kind} plain`);
        expect(plain.text.split('\n')[0]).toBe(lang === 'sv' ? 'Hej!' : 'Hello!');
      });
    }
  }

  it('greets the contact person whose address the mail goes to, and no one when the address is shared', () => {
    const contacts = JSON.stringify([
      { name: 'Karin Kommun', role: 'Handläggare', email: 'Karin.Kommun@huddinge.se', phone: null },
      { name: 'Olle Other', role: null, email: 'olle@huddinge.se', phone: null },
    ]);
    expect(contactNameOf({ email: 'karin.kommun@huddinge.se', contacts })).toBe('Karin Kommun');
    expect(contactNameOf({ email: 'registrator@huddinge.se', contacts })).toBeNull();
    expect(contactNameOf({ email: 'registrator@huddinge.se', contacts: '[]' })).toBeNull();
  });
});
