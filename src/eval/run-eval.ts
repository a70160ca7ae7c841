/** @module run-eval: asks every question of a set through the HTTP API (a real server or an in-process app) and scores it. */
import type { Answer, ChatMessage, SearchHit } from '../core/types.js';
import { scoreItem, type EvalItem, type ItemResult } from './metrics.js';

/** One HTTP exchange: a JSON body for POST, none for GET. */
export type Request = (path: string, body?: unknown) => Promise<Response>;

/** Tries a rate-limited request again after the server's Retry-After, this many times at most. */
const MAX_RETRIES = 20;

async function call<T>(request: Request, path: string, body?: unknown): Promise<{ value: T; ms: number }> {
  for (let attempt = 0; ; attempt++) {
    const t = performance.now();
    const res = await request(path, body);
    const value = (await res.json()) as T;
    const ms = performance.now() - t;
    if (res.status === 429 && attempt < MAX_RETRIES) {
      const header = Number(res.headers.get('retry-after') ?? NaN);
      const seconds = Number.isFinite(header) && header >= 0 ? Math.min(header, 60) : 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    if (!res.ok) throw new Error(`${path} → ${res.status} ${JSON.stringify(value)}`);
    return { value, ms };
  }
}

/** Parses a JSON-lines question set. */
export function parseSet(text: string): EvalItem[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as EvalItem;
      } catch {
        throw new Error(`line ${i + 1} is not JSON`);
      }
    });
}

/** Scores one item: follow-ups through `/api/chat` turn by turn (each answer fed back), others through `/api/ask`. */
export async function evalItem(request: Request, item: EvalItem): Promise<ItemResult> {
  let answer: { value: Answer; ms: number };
  if (item.conversation?.length) {
    const messages: ChatMessage[] = [];
    for (const turn of item.conversation) {
      messages.push({ role: 'user', content: turn });
      answer = await call<Answer>(request, '/api/chat', { messages });
      messages.push({ role: 'assistant', content: answer.value.answer });
    }
  } else {
    answer = await call<Answer>(request, '/api/ask', { question: item.question });
  }
  const search = await call<{ hits: SearchHit[] }>(request, `/api/search?k=5&q=${encodeURIComponent(item.question)}`);
  return scoreItem(item, answer!.value, answer!.ms, search.value.hits);
}

export async function runEval(request: Request, items: EvalItem[]): Promise<ItemResult[]> {
  const results: ItemResult[] = [];
  for (const item of items) results.push(await evalItem(request, item));
  return results;
}
