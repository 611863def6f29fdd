import { describe, expect, it } from 'vitest';
import { findSensitive } from './privacy.js';

const kinds = (text: string) => findSensitive(text).map((f) => f.kind);

describe('privacy guard', () => {
  it.each([
    ['Bil med reg ABC 123 stod vid skolan', ['plate']],
    ['abc12a parkerad', ['plate']],
    ['Mannen hade personnummer 811228-9874', ['personal_number']],
    ['198112289874 sa han', ['personal_number']],
    ['Ring 070-123 45 67 om något', ['phone']],
    ['+46 70 123 45 67', ['phone']],
    ['skriv till kalle.k@example.se', ['email']],
    ['Klotter på elskåp vid Storängsvägen 12', []],
    ['Trasig lampa, stolpe 123 456', []],
    ['Kl 22.15 sågs tre personer vid ICA', []],
    ['Datum 2026-11-27 och tid 14:30', []],
    ['811228-9875 (fel kontrollsiffra)', []],
  ])('%s → %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});
