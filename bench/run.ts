/** `npm run bench -- NAME [--dialect sqlite|postgres]`: runs one benchmark (see bench/RESULTS.md). */
import { parseArgs } from './support.js';
import { benchStartup } from './startup.js';
import { benchSession } from './session.js';
import { benchShifts } from './shifts.js';
import { benchSync } from './sync.js';
import { benchObservations } from './observations.js';
import { benchRouting } from './routing.js';
import { benchDelivery } from './delivery.js';
import { benchInsights } from './insights.js';
import { benchRetention } from './retention.js';
import { benchLighthouse } from './lighthouse.js';

const benchmarks = {
  startup: benchStartup,
  session: benchSession,
  shifts: benchShifts,
  sync: benchSync,
  observations: benchObservations,
  routing: benchRouting,
  delivery: benchDelivery,
  insights: benchInsights,
  retention: benchRetention,
  lighthouse: benchLighthouse,
};
const { name, dialect } = parseArgs(process.argv.slice(2));
const run = benchmarks[name as keyof typeof benchmarks];
if (!run) {
  console.error(`Unknown benchmark "${name}". Choose one of: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
await run(dialect);
