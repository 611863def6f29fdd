/** The mail a recipient gets carries the crew's words as text: no web address in them becomes a link. */
import { describe, expect, it } from 'vitest';
import { defang, renderItemMail, type MailItem } from './item-mail.js';

const item = (text: string, address: string | null = null): MailItem => ({
  id: '01a247a1-674c-7702-81fc-e6a96729c6cf',
  categoryLabel: 'Klotter',
  urgent: false,
  dueAt: null,
  link: 'https://grannstod.example.se/svar/abc.def',
  observations: [
    {
      item_id: 'x',
      id: 'y',
      public_id: 'y',
      urgency: 'needs_action',
      text,
      lat: 59.237,
      lng: 17.982,
      address,
      observed_at: '2026-11-27T10:00:00.000Z',
      author_member_id: 'z',
      area_name: 'Flemingsberg',
      photos: [],
    },
  ],
});

describe('the crew’s words in a recipient’s mail', () => {
  it.each([
    ['Se https://evil.example.com/login för mer', 'hxxps://evil[.]example[.]com/login'],
    ['Läs på www.falsk-kommun.se/anmal', 'www[.]falsk-kommun[.]se/anmal'],
    ['Mer på kommunen-huddinge.com', 'kommunen-huddinge[.]com'],
    ['HTTP://EVIL.NU', 'hxxp://EVIL[.]NU'],
  ])('%s → %s', (words, shown) => {
    const mail = renderItemMail('sv', 'item', 'Grannstöd Huddinge', [item(words)]);
    expect(mail.text).toContain(shown);
    expect(mail.html).toContain(shown);
    // The only links are ours: the map and the answer.
    const hrefs = [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([expect.stringMatching(/^https:\/\/www\.openstreetmap\.org\//), 'https://grannstod.example.se/svar/abc.def']);
  });

  it('leaves ordinary words, times and abbreviations alone', () => {
    for (const words of ['Kl. 14.30 t.ex. vid Storg. 12', 'Lampa 3.5 m upp', 'Klotter på elskåp, ca 2x3 m.']) expect(defang(words)).toBe(words);
  });

  it('breaks a web address in the place too', () => {
    const mail = renderItemMail('sv', 'item', 'Grannstöd Huddinge', [item('Klotter', 'Se www.evil.se, Storgatan 1')]);
    expect(mail.text).toContain('www[.]evil[.]se');
    expect(mail.text).not.toContain('www.evil.se');
  });
});
