/**
 * @module cli-eval: `npm run eval -- --set FILE [--url URL] [--check]` scores the bot on a question set.
 * Without --url it uses the server on 127.0.0.1:$PORT when one answers, else an in-process app.
 * --check exits 1 when a metric falls below the acceptance thresholds.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Answer, ChatMessage } from '../../core/types.js';
import { loadConfig } from '../../config.js';
import { createApp } from '../../app.js';
import { createLogger } from '../../adapters/node/logger.js';
import { openIndex } from './open-index.js';
import { scoreItem, summarise, type EvalItem, type ItemResult } from '../../eval/metrics.js';

const THRESHOLDS = { hit5: 0.97, hit1: 0.85, correct: 0.9, concise: 0.85, grounded: 1, refused: 1 } as const;

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: '../shared/eval/dev.jsonl' },
    url: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});

type Fetch = (path: string, body: unknown) => Promise<Response>;

async function pickTarget(): Promise<{ fetch: Fetch; where: string }> {
  const config = loadConfig(process.env);
  const url = values.url ?? `http://127.0.0.1:${config.PORT}`;
  const viaHttp: Fetch = (path, body) =>
    fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const up = await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false);
  if (up || values.url) return { fetch: viaHttp, where: url };
  const opened = await openIndex(config, { log: createLogger('warn', 'stderr') });
  const app = createApp({ engine: () => opened.engine });
  return {
    fetch: async (path, body) =>
      app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    where: 'in-process',
  };
}

async function call(f: Fetch, path: string, body: unknown): Promise<{ answer: Answer; ms: number }> {
  const t = performance.now();
  const res = await f(path, body);
  const answer = (await res.json()) as Answer;
  const ms = performance.now() - t;
  if (!res.ok) throw new Error(`${path} → ${res.status} ${JSON.stringify(answer)}`);
  return { answer, ms };
}

const items = (await readFile(values.set!, 'utf8'))
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as EvalItem);
const target = await pickTarget();
const results: ItemResult[] = [];
for (const item of items) {
  if (item.conversation?.length) {
    const messages: ChatMessage[] = [];
    let last: { answer: Answer; ms: number } | undefined;
    for (const turn of item.conversation) {
      messages.push({ role: 'user', content: turn });
      last = await call(target.fetch, '/api/chat', { messages });
      messages.push({ role: 'assistant', content: last.answer.answer });
    }
    results.push(scoreItem(item, last!.answer, last!.ms));
  } else {
    const { answer, ms } = await call(target.fetch, '/api/ask', { question: item.question });
    results.push(scoreItem(item, answer, ms));
  }
}
const summary = summarise(results);
const failures = results
  .filter((r) => (r.refused === undefined ? !(r.hit1 && r.correct && r.concise && r.grounded) : !r.refused))
  .map((r) => ({ id: r.id, question: r.question, query: r.query, hit1: r.hit1, hit5: r.hit5, correct: r.correct, concise: r.concise, grounded: r.grounded, refused: r.refused, answer: r.answer }));
const below = Object.entries(THRESHOLDS).filter(([k, v]) => (summary as Record<string, number>)[k] < v).map(([k]) => k);
process.stdout.write(`${JSON.stringify({ set: values.set, target: target.where, summary, thresholds: THRESHOLDS, below, failures }, null, 2)}\n`);
if (values.check && below.length) {
  process.stderr.write(`eval: below threshold: ${below.join(', ')}\n`);
  process.exit(1);
}
process.exit(0);
