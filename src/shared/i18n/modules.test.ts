/**
 * The texts are split over modules that sv.ts and en.ts spread into one object:
 * a key defined in two of them would silently take the later one's text (an
 * access export's "Hämta registerutdrag (ZIP)" once replaced every export
 * link's "Ladda ner"). Every key is defined in one file only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '.');
const keysOf = (file: string) => [...readFileSync(join(dir, file), 'utf8').matchAll(/^\s+'([a-z][\w.-]*)':/gm)].map((m) => m[1]!);

describe('translation modules', () => {
  it.each(['sv', 'en'])('define each %s key once', (lang) => {
    const files = readdirSync(dir).filter((f) => f === `${lang}.ts` || f.endsWith(`.${lang}.ts`));
    expect(files.length).toBeGreaterThan(4);
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of files) {
      for (const key of keysOf(file)) {
        const first = seen.get(key);
        if (first && first !== file) twice.push(`${key} (${first}, ${file})`);
        else seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
  });
});
