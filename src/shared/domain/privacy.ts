/**
 * The privacy guard (GDPR Art. 10, DOMAIN.md): an association records places
 * and things, not people. Free text is checked for personal identity and
 * co-ordination numbers, licence plates, phone numbers and e-mail addresses,
 * on the device and again on the server, with this one function.
 *
 * Text is normalised first, so that what a person reads as a number or a plate
 * is caught however it was typed or pasted: Unicode NFKC (full-width digits,
 * NBSP and thin spaces), every dash as '-', invisible characters dropped, and
 * Cyrillic and Greek letters that look Latin read as Latin.
 */
export const sensitiveKinds = ['personal_number', 'plate', 'phone', 'email'] as const;
export type SensitiveKind = (typeof sensitiveKinds)[number];

export interface Finding {
  kind: SensitiveKind;
  /** The words found, as normalised (what the person typed, in plain letters and digits). */
  match: string;
}

// Letters that look Latin in a plate or an address: Cyrillic and Greek capitals and small letters.
const LOOKALIKES: Record<string, string> = Object.fromEntries(
  [
    ['АВЕКМНОРСТУХЅІЈ', 'ABEKMHOPCTYXSIJ'],
    ['авекмнорстухѕіј', 'abekmhopctyxsij'],
    ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', 'ABEZHIKMNOPTYX'],
    ['αβεζηικμνορτυχ', 'abezhikmnoptyx'],
  ].flatMap(([from, to]) => [...from!].map((c, i) => [c, to![i]!])),
);

/** The text as the guard reads it: one form for each character a person would read the same. */
export function normalizeForGuard(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Zero-width spaces and joiners, the BOM and soft hyphens hide inside numbers without showing.
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      // Hyphen, non-breaking hyphen, figure, en and em dashes, minus, small and full-width hyphen-minus.
      .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
      .replace(/[\u0370-\u03FF\u0400-\u04FF]/g, (c) => LOOKALIKES[c] ?? c)
  );
}

/** Luhn over the last ten digits, as the Tax Agency computes the check digit. */
function luhnOk(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** A real calendar date (co-ordination numbers add 60 to the day). */
function plausibleDate(yymmdd: string): boolean {
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day > 60) day -= 60;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Between the letters and digits of a plate: nothing, or a space, dash, dot, underscore or slash (with spaces around). */
const SEP = String.raw`(?:\s*[-._/]\s*|\s+)?`;

// YYMMDD-NNNN and YYYYMMDDNNNN, with '+' (past 100) or any separator, or none, before the last four.
const personalNumber = /(?<![\d])(?:19|20)?(\d{6})\s*(?:[-+._/]\s*|\s)?(\d{4})(?![\d])/g;
// Three letters and three digits (ABC 123) or two digits and a letter (ABC 12A). Swedish plates use no I, Q, V, Å, Ä or Ö.
const plate = new RegExp(String.raw`(?<![\p{L}\d])([A-HJ-PR-UW-Z]{3})${SEP}(\d{2}[A-HJ-PR-UW-Z\d])(?![\p{L}\d])`, 'giu');
/** Three-letter words that stand before a number in ordinary text. */
const NOT_PLATES = new Set([
  'box',
  'hus',
  'rum',
  'lgh',
  'tel',
  'fax',
  'sms',
  'sid',
  'kap',
  'art',
  'ref',
  'ggr',
  'mot',
  'och',
  'den',
  'det',
  'som',
  'har',
  'per',
  'ort',
  'the',
  'and',
  'for',
  'are',
]);
// +46 70 123 45 67, 0046-70-1234567, 070-123 45 67, 08/123 456 78, (08) 12 34 56, +44 20 7946 0958, +1 (555) 123-4567.
const phone = /(?<![\d\p{L}])(?:\+|00)?\(?\d(?:[\s\-./()]{0,3}\d){6,15}(?![\d\p{L}])/gu;
// name@example.se, and the spellings that dodge a simple check: name [at] example [dot] se, name(at)example.se, name snabel-a example.se.
const AT = String.raw`(?:\s*@\s*|\s*[[({<]\s*(?:at|@|snabel-?a)\s*[\])}>]\s*|\s+(?:snabel-?a)\s+)`;
const DOT = String.raw`(?:\s*\.\s*|\s*[[({<]\s*(?:dot|punkt)\s*[\])}>]\s*)`;
const email = new RegExp(String.raw`[\p{L}\d._%+-]+${AT}[\p{L}\d-]+(?:${DOT}[\p{L}\d-]+)*${DOT}\p{L}{2,}`, 'giu');
// Spelled out in words throughout: name at example dot se (both words, or it is ordinary prose).
const emailInWords = /(?<![\p{L}\d])[\p{L}\d._%+-]+\s+(?:at|snabel-?a)\s+[\p{L}\d-]+(?:\s+(?:dot|punkt)\s+[\p{L}\d-]+)+/giu;

/** Dates and times look like numbers too; they are what observations are full of. */
const DATE_OR_TIME = [
  /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/, // 2026-11-27
  /^\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})$/, // 27.11.2026, 27/11/26
  /^\d{1,2}[.:]\d{2}\s*-\s*\d{1,2}[.:]\d{2}$/, // 08.15-09.30
  /^\d{4}[-./]\d{1,2}[-./]\d{1,2}\s*-\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}$/,
];

/** A Swedish number with its area code (8–10 digits from the 0), or an international one (8–15 digits after + or 00). */
function isPhoneNumber(spelled: string): boolean {
  const s = spelled.trim();
  if (DATE_OR_TIME.some((re) => re.test(s))) return false;
  const digits = s.replace(/\D/g, '');
  if (s.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  if (digits.startsWith('00')) return digits.length - 2 >= 8 && digits.length - 2 <= 15;
  return /^\(?0[1-9]/.test(s) && digits.length >= 8 && digits.length <= 10;
}

/** A run of digits may be a phone number followed by other figures ("070-123 45 67 2026"): the longest start that is one. */
function longestPhonePrefix(run: string): string | null {
  let candidate = run;
  for (;;) {
    if (isPhoneNumber(candidate)) return candidate;
    const cut = candidate.replace(/[\s\-./()]+\d+\)?$/, '');
    if (cut === candidate) return null;
    candidate = cut;
  }
}

export function findSensitive(raw: string): Finding[] {
  const text = normalizeForGuard(raw);
  const found: (Finding & { at: number })[] = [];
  const taken: [number, number][] = [];
  const add = (kind: SensitiveKind, at: number, match: string) => {
    const span: [number, number] = [at, at + match.length];
    if (taken.some(([a, b]) => span[0] < b && a < span[1])) return;
    taken.push(span);
    found.push({ kind, match: match.trim(), at });
  };
  for (const m of [...text.matchAll(email), ...text.matchAll(emailInWords)]) add('email', m.index, m[0]);
  for (const m of text.matchAll(personalNumber)) if (plausibleDate(m[1]!) && luhnOk(m[1]! + m[2]!)) add('personal_number', m.index, m[0]);
  for (const m of text.matchAll(phone)) {
    const spelled = longestPhonePrefix(m[0]);
    if (spelled) add('phone', m.index, spelled);
  }
  for (const m of text.matchAll(plate)) if (!NOT_PLATES.has(m[1]!.toLowerCase())) add('plate', m.index, m[0]);
  // In the order they stand in the text, as the person reads it.
  return found.sort((a, b) => a.at - b.at).map(({ kind, match }) => ({ kind, match }));
}
