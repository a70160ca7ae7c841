import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/adapters/node/logger.js';
import { openEvalIndex } from '../src/entries/node/eval-index.js';
const config = loadConfig(process.env);
const m0 = process.memoryUsage();
const opened = await openEvalIndex(config, 'seeds', { log: createLogger('info', 'stderr'), progress: false });
const m1 = process.memoryUsage();
console.log('rss', (m1.rss / 1e6).toFixed(0), 'heap', (m1.heapUsed / 1e6).toFixed(0), 'before', (m0.rss / 1e6).toFixed(0));
for (const q of process.argv.slice(2)) {
  const t = performance.now();
  const a = await opened.engine.ask(q);
  console.log(JSON.stringify({ q, ms: Math.round(performance.now() - t), query: a.query, found: a.found, answer: a.answer.slice(0, 300), src: a.citations[0]?.source }));
}
await opened.close();
