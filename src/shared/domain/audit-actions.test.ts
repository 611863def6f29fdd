/** Every action the server records is listed, so the audit log can filter and name it. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActions } from './audit-actions.js';
import { en } from '../i18n/en.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('audit actions', () => {
  it('lists every action the server records, each with a label', () => {
    const recorded = new Set<string>();
    for (const file of sources('src/server')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/action: (?:active \? )?'([a-z_.]+)'(?: : '([a-z_.]+)')?/g)) {
        recorded.add(m[1]!);
        if (m[2]) recorded.add(m[2]);
      }
      for (const m of text.matchAll(/recordEvent\([\w.]+, '([a-z_.]+)'/g)) recorded.add(m[1]!);
    }
    expect(recorded.size).toBeGreaterThan(10);
    expect([...recorded].filter((a) => !(auditActions as readonly string[]).includes(a))).toEqual([]);
    for (const a of auditActions) expect(en[`audit.action.${a}`]).toBeTruthy();
  });
});
