/**
 * One Swedish word for each thing, on every screen and in every mail (issue 15's
 * glossary): a volunteer over 70 should not wonder whether "passansvarig" and
 * "passledare" are two different people. Each entry names the word we use and
 * the spellings that drifted in before.
 */
import { describe, expect, it } from 'vitest';
import { sv } from './sv.js';

const glossary: { term: string; not: RegExp }[] = [
  { term: 'passledare', not: /\b(pass|skift)ansvarig|skiftledare|ett passledare\b/i },
  { term: 'förare', not: /\bchauff(ö|e)r/i },
  { term: 'körpass', not: /\bpatrullpass|\bkörskift/i },
];

describe('the Swedish glossary', () => {
  it('never gives an urgency and a state the same words (a card read "Behöver åtgärd · Behöver åtgärd")', () => {
    const texts = (prefix: string) =>
      Object.entries(sv)
        .filter(([k]) => k.startsWith(prefix))
        .map(([, v]) => v.toLowerCase());
    const urgency = texts('observe.urgency.');
    expect(urgency.length).toBeGreaterThan(3);
    expect(texts('observations.status.').filter((s) => urgency.includes(s))).toEqual([]);
  });

  it.each(glossary)('says $term, never the old spellings', ({ not }) => {
    const drifted = Object.entries(sv).filter(([, text]) => not.test(text));
    expect(drifted).toEqual([]);
  });
});
