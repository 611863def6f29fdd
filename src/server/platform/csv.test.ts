/** CSV cells a spreadsheet can open without running anything, in either separator. */
import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil","klicka")', ',', `"'=HYPERLINK(""http://evil"",""klicka"")"`],
    ['+46 8 123', ',', "'+46 8 123"],
    ['-2+3', ';', "'-2+3"],
    ['@SUM(A1)', ';', "'@SUM(A1)"],
    ['\t=1+1', ',', `"'\t=1+1"`],
    ['\r=1+1', ';', `"'\r=1+1"`],
    ['Storgatan 1; Huddinge', ',', '"Storgatan 1; Huddinge"'],
    ['Storgatan 1, Huddinge', ';', '"Storgatan 1, Huddinge"'],
    ['två\trader', ',', '"två\trader"'],
    ['rad\nrad', ';', '"rad\nrad"'],
    ['vanlig text', ';', 'vanlig text'],
    [12.5, ';', '12.5'],
    [-3, ',', '-3'],
    [null, ',', ''],
  ] as const)('%j with %s → %j', (value, separator, cell) => {
    expect(csvCell(value, separator)).toBe(cell);
  });
});
