/**
 * One CSV cell, safe to open in a spreadsheet (OWASP's CSV injection): text
 * that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage
 * return first) gets a leading apostrophe, and a cell holding the separator
 * (comma or semicolon), a quote, a tab or a line break is quoted.
 */
export function csvCell(value: string | number | null, separator: ',' | ';'): string {
  if (value === null) return '';
  const s = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",;\t\r\n]/.test(s) || s.includes(separator) ? `"${s.replace(/"/g, '""')}"` : s;
}
