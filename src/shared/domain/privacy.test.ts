/**
 * The privacy guard over the spellings people really type or paste: what must be
 * caught (identity and co-ordination numbers, plates, phone numbers, e-mail
 * addresses, however separated, in full-width digits or look-alike letters) and
 * what must pass (dates, times, case numbers, amounts, street numbers, postcodes).
 */
import { describe, expect, it } from 'vitest';
import { findSensitive, normalizeForGuard } from './privacy.js';

const kinds = (text: string) => findSensitive(text).map((f) => f.kind);

const caught: [text: string, kind: string][] = [
  // Personal identity numbers: 811228-9874 and 121212-1212 have valid check digits.
  ['Mannen hade personnummer 811228-9874', 'personal_number'],
  ['811228+9874', 'personal_number'],
  ['8112289874', 'personal_number'],
  ['198112289874 sa han', 'personal_number'],
  ['19811228-9874', 'personal_number'],
  ['811228 9874', 'personal_number'],
  ['811228 - 9874', 'personal_number'],
  ['811228–9874', 'personal_number'], // en dash
  ['811228—9874', 'personal_number'], // em dash
  ['811228−9874', 'personal_number'], // minus sign
  ['811228‐9874', 'personal_number'], // hyphen
  ['811228\u00A09874', 'personal_number'], // no-break space
  ['811228\u20099874', 'personal_number'], // thin space
  ['811228.9874', 'personal_number'],
  ['811228_9874', 'personal_number'],
  ['811228/9874', 'personal_number'],
  ['８１１２２８－９８７４', 'personal_number'], // full-width
  ['81122\u200B8-9874', 'personal_number'], // a zero-width space inside
  ['pnr:121212-1212', 'personal_number'],
  ['20121212-1212', 'personal_number'],
  ['(121212-1212)', 'personal_number'],
  // Co-ordination numbers: the day plus 60.
  ['samordningsnummer 811288-1001', 'personal_number'],
  ['198112881001', 'personal_number'],
  ['460101-1002', 'personal_number'],
  ['991231-1009', 'personal_number'],
  ['010101-1005', 'personal_number'],
  // Plates, old and new, with any separator.
  ['Bil med reg ABC 123 stod vid skolan', 'plate'],
  ['ABC123', 'plate'],
  ['abc123', 'plate'],
  ['ABC-123', 'plate'],
  ['ABC–123', 'plate'],
  ['ABC.123', 'plate'],
  ['ABC_123', 'plate'],
  ['ABC/123', 'plate'],
  ['ABC  123', 'plate'],
  ['ABC\u00A0123', 'plate'],
  ['ABC 12A', 'plate'],
  ['abc12a parkerad', 'plate'],
  ['XYZ 98B', 'plate'],
  ['en röd bil (MLB 456) körde', 'plate'],
  ['ＡＢＣ１２３', 'plate'], // full-width
  ['АВС 123', 'plate'], // Cyrillic А, В, С
  ['ΑΒΕ 123', 'plate'], // Greek Α, Β, Ε
  ['reg.nr: GHT-55K', 'plate'],
  ['KPL 00A', 'plate'],
  // Swedish phone numbers in their usual spellings.
  ['Ring 070-123 45 67 om något', 'phone'],
  ['070-1234567', 'phone'],
  ['0701234567', 'phone'],
  ['070 123 45 67', 'phone'],
  ['070.123.45.67', 'phone'],
  ['070/123 45 67', 'phone'],
  ['08-123 456 78', 'phone'],
  ['08-12 34 56', 'phone'],
  ['(08) 12 34 56', 'phone'],
  ['08–123 456 78', 'phone'],
  ['+46 70 123 45 67', 'phone'],
  ['+46701234567', 'phone'],
  ['+46 (0)70-123 45 67', 'phone'],
  ['0046 70 123 45 67', 'phone'],
  ['+46-8-123 456 78', 'phone'],
  ['０７０－１２３ ４５ ６７', 'phone'],
  ['tel:0739876543', 'phone'],
  ['070-123 45 67 2026', 'phone'],
  // International numbers.
  ['+44 20 7946 0958', 'phone'],
  ['+1 (555) 123-4567', 'phone'],
  ['00358 40 123 4567', 'phone'],
  ['+358401234567', 'phone'],
  ['+49 30 1234567', 'phone'],
  // E-mail addresses, plain and dodged.
  ['skriv till kalle.k@example.se', 'email'],
  ['Kalle.K@Example.SE', 'email'],
  ['namn [at] example.se', 'email'],
  ['namn[at]example.se', 'email'],
  ['namn (at) example.se', 'email'],
  ['namn{at}example.se', 'email'],
  ['namn @ example.se', 'email'],
  ['namn＠example.se', 'email'], // full-width at
  ['namn [at] example [dot] se', 'email'],
  ['namn (snabel-a) example (punkt) se', 'email'],
  ['namn snabel-a example.se', 'email'],
  ['namn at example dot se', 'email'],
  ['förnamn.efternamn@kommun.huddinge.se', 'email'],
  ['a+tag@sub.example.co.uk', 'email'],
];

const passes: string[] = [
  'Klotter på elskåp vid Storängsvägen 12',
  'Trasig lampa, stolpe 123 456',
  'Kl 22.15 sågs tre personer vid ICA',
  'Datum 2026-11-27 och tid 14:30',
  '811228-9875 (fel kontrollsiffra)',
  'Ärende K123456-26 hos polisen',
  'Polisens diarienummer 5000-K123456-26',
  'Händelsenummer 0123-26',
  'Kostnad 1 500 kr',
  'Skadan uppskattas till 25 000 kronor',
  'Postnummer 141 35 Huddinge',
  '14135 Huddinge',
  'Sjödalsvägen 24B, lgh 1203',
  'Storgatan 12A',
  'Riksväg 226 vid avfarten',
  'Väg 259 mot Tumba',
  'E4 norrut, km 12',
  '27.11.2026 kl 08.15-09.30',
  '27/11/26',
  '2026-11-27 – 2026-12-03',
  'Pass 09:00–13:00',
  '08:15',
  'klockan 0830',
  'Lampa 3 av 12 trasiga',
  'Bil 1 och Bil 2 körde',
  'Linje 172 och 865',
  'Buss 742 stod still',
  'Box 123',
  'Hus 123 i kvarteret',
  'Det var 123 meter dit',
  'Temperatur -5 grader',
  '112 ringdes kl 14.02',
  'Ring 114 14 för tips',
  'Felanmälan via webben',
  'Koordinater 59.2371, 17.9821',
  'Hastighet 50 km/h',
  'version 1.2.3',
  'Sidan 123 i pärmen',
  'Tel 123',
  'Grannstöd Huddinge, 2 bilar',
  'Inget att anmärka',
  'Containern vid Fullersta torg 3',
  'mer än 100 st fimpar',
  'klotter 2x3 m på vägg',
  'ISBN 978-91-0-012345-6',
  'Ref 2026/123',
];

describe('privacy guard', () => {
  it('holds at least a hundred spellings', () => expect(caught.length + passes.length).toBeGreaterThanOrEqual(100));

  it.each(caught)('catches %j as %s', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each(passes.map((p) => [p]))('lets %j pass', (text) => {
    expect(findSensitive(text)).toEqual([]);
  });

  it('names each finding, in the order they stand', () => {
    expect(kinds('ABC 123 och 070-123 45 67, mejl a@b.se, pnr 811228-9874')).toEqual(['plate', 'phone', 'email', 'personal_number']);
  });

  it('reads look-alike letters, full-width digits and every dash in one plain form', () => {
    expect(normalizeForGuard('АВС\u00A0１２３ – x\u200By')).toBe('ABC 123 - xy');
  });
});
