import { benchDashboard } from './dashboard.js';
import { benchEndToEnd } from './end-to-end.js';
import { benchFairness } from './fairness.js';
import { benchIntake } from './intake.js';
import { removeFilledStores } from './filled-store.js';
import { benchSearch } from './search.js';
import { benchStats } from './stats.js';
import { benchStore } from './store.js';
import { benchTransform } from './transform.js';

/**
 * `npm run bench`: each figure printed beside the raw baseline it is measured against, in the same
 * run. `BENCH_ONLY=intake,e2e` runs only some (intake, e2e, fairness, stats, dashboard, search, transform).
 */
const benches: Record<string, () => Promise<void>> = {
  intake: benchIntake,
  store: benchStore,
  e2e: benchEndToEnd,
  fairness: benchFairness,
  stats: benchStats,
  dashboard: benchDashboard,
  search: () => Promise.resolve(benchSearch()),
  transform: benchTransform,
};
const only = process.env.BENCH_ONLY?.split(',');
process.on('exit', removeFilledStores);
for (const [name, bench] of Object.entries(benches)) if (!only || only.includes(name)) await bench();
