/** Ad-hoc: how English questions are translated and answered over a corpus (`node --import tsx bench/try-english.ts SET.jsonl`). */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/adapters/node/logger.js';
import { openEvalIndex } from '../src/entries/node/eval-index.js';

const config = loadConfig(process.env);
const opened = await openEvalIndex(config, process.env.CORPUS ?? 'seeds', { log: createLogger('warn', 'stderr'), progress: false });
const arg = process.argv[2];
const questions = arg.endsWith('.jsonl')
  ? readFileSync(arg, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id?: string; question: string; keys?: string[][]; unanswerable?: boolean })
  : process.argv.slice(2).map((question) => ({ question, id: undefined, keys: undefined, unanswerable: undefined }));
for (const q of questions) {
  const english = opened.engine.translator()?.translate(q.question);
  const asked = (await opened.engine.inspect(q.question)).query;
  const inspected = await opened.engine.inspect(q.question);
  const a = await opened.engine.ask(q.question);
  const ok = q.unanswerable ? !a.found : a.found && (q.keys ?? []).every((g) => g.some((k) => a.answer.includes(k)));
  console.log(`${ok ? 'OK ' : 'XX '}${q.id ?? ''} ${q.question}\n   ${english?.kind} ${asked} ${JSON.stringify(english?.names)} unknown=${english?.unknown}\n   p=${inspected.decision.probability.toFixed(3)} t=${inspected.threshold.toFixed(3)} ${a.found} ${a.answer.slice(0, 140).replace(/\n/g, ' ')}`);
}
await opened.close();
