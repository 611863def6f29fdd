/** Periods: the period before, local midnights, and the stretches between Stockholm's clock changes. */
import { describe, expect, it } from 'vitest';
import { median, offsetSpans, periodOf } from './period.js';

describe('periodOf', () => {
  it('gives the period of equal length just before, and local midnights as UTC instants', () => {
    expect(periodOf('2026-03-01', '2026-03-31')).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      previousFrom: '2026-01-29',
      previousTo: '2026-02-28',
      previousFromIso: '2026-01-28T23:00:00.000Z',
      fromIso: '2026-02-28T23:00:00.000Z',
      // 1 April is in summer time.
      toIso: '2026-03-31T22:00:00.000Z',
    });
  });

  it('refuses a period backwards or longer than ten years, naming "to"', () => {
    expect(() => periodOf('2026-03-31', '2026-03-01')).toThrow(expect.objectContaining({ code: 'validation' }));
    expect(() => periodOf('2010-01-01', '2026-01-01')).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});

describe('offsetSpans', () => {
  it('splits a span at the clock changes, to the hour', () => {
    expect(offsetSpans('2026-03-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')).toEqual([
      { fromIso: '2026-01-01T00:00:00.000Z', toIso: '2026-03-29T01:00:00.000Z', offset: 60 },
      { fromIso: '2026-03-29T01:00:00.000Z', toIso: '2026-10-25T01:00:00.000Z', offset: 120 },
      { fromIso: '2026-10-25T01:00:00.000Z', toIso: '2027-01-01T00:00:00.000Z', offset: 60 },
    ]);
  });

  it('covers years in turn and leaves out stretches outside the span', () => {
    const spans = offsetSpans('2024-12-31T12:00:00.000Z', '2025-02-01T00:00:00.000Z');
    expect(spans.map((s) => [s.fromIso.slice(0, 10), s.toIso.slice(0, 10), s.offset])).toEqual([
      ['2024-10-27', '2025-01-01', 60],
      ['2025-01-01', '2025-03-30', 60],
    ]);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones, or null for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
