/**
 * The privacy guard (GDPR Art. 10, DOMAIN.md): an association records places
 * and things, not people. Free text is checked for personal identity numbers,
 * licence plates, phone numbers and e-mail addresses, on the device and again
 * on the server, with this one function.
 */
export const sensitiveKinds = ['personal_number', 'plate', 'phone', 'email'] as const;
export type SensitiveKind = (typeof sensitiveKinds)[number];

export interface Finding {
  kind: SensitiveKind;
  match: string;
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

/** A real calendar date (coordination numbers add 60 to the day). */
function plausibleDate(yymmdd: string): boolean {
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day > 60) day -= 60;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const personalNumber = /(?<![\d-])(?:(?:19|20)?(\d{6}))[-+ ]?(\d{4})(?![\d-])/g;
// Three letters and two digits and a digit or letter: ABC 123, ABC 12A (not I, Q, V in real plates, but be generous).
const plate = /(?<![\p{L}\d])([A-ZÅÄÖ]{3})[ -]?(\d{2}[A-ZÅÄÖ\d])(?![\p{L}\d])/giu;
const phone = /(?<![\d+])(?:\+46|0046|0)[\s-]?\d{1,3}(?:[\s-]?\d{2,3}){2,3}(?!\d)/g;
const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function findSensitive(text: string): Finding[] {
  const found: (Finding & { at: number })[] = [];
  const taken: [number, number][] = [];
  const add = (kind: SensitiveKind, m: RegExpExecArray) => {
    const span: [number, number] = [m.index, m.index + m[0].length];
    if (taken.some(([a, b]) => span[0] < b && a < span[1])) return;
    taken.push(span);
    found.push({ kind, match: m[0], at: m.index });
  };
  for (const m of text.matchAll(email)) add('email', m);
  for (const m of text.matchAll(personalNumber)) if (plausibleDate(m[1]!) && luhnOk(m[1]! + m[2]!)) add('personal_number', m);
  for (const m of text.matchAll(phone)) if (m[0].replace(/\D/g, '').length >= 8) add('phone', m);
  for (const m of text.matchAll(plate)) add('plate', m);
  // In the order they stand in the text, as the person reads it.
  return found.sort((a, b) => a.at - b.at).map(({ kind, match }) => ({ kind, match }));
}
