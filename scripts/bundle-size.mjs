// Reports the JavaScript a phone loads on first visit (the scripts index.html
// pulls in, and their static imports), gzip-compressed, against the field
// app's budget of 100 KB; the build fails above it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 100;
const root = 'dist/web';
const html = readFileSync(join(root, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]);
const seen = new Set();
const queue = [...entries];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(root, file), 'utf8');
  // Static imports of other chunks load at once too; dynamic import() does not.
  for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[\w*{}\s,]+from\s*)?["'](\.{0,2}\/[^"']+\.js)["']/g))
    queue.push(join(file, '..', m[1]).replace(/\\/g, '/'));
}
const bytes = [...seen].reduce((sum, f) => sum + gzipSync(readFileSync(join(root, f))).length, 0);
const kb = Math.round((bytes / 1024) * 10) / 10;
console.log(`Field app JavaScript on first load: ${kb} KB gzip in ${seen.size} file(s) (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`Over the budget of ${BUDGET_KB} KB gzip.`);
  process.exit(1);
}
