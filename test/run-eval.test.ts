import { describe, expect, it } from 'vitest';
import { evalItem, type Request } from '../src/eval/run-eval.js';

const json = (value: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });

const answer = { answer: '招商目标是50亿元[1]', found: true, citations: [{ n: 1, source: 'a.txt', text: '全年招商目标50亿元。' }] };
const hits = { hits: [{ source: 'a.txt', text: '全年招商目标50亿元。', score: 1 }] };

describe('evalItem', () => {
  const item = { id: 'q1', question: '招商目标是多少', source: 'a.txt', evidence: '招商目标50亿元', keys: [['50亿']] };

  it('waits out a rate limit (Retry-After) and scores the answer it then gets', async () => {
    const calls: string[] = [];
    let limited = 2;
    const request: Request = async (path) => {
      calls.push(path);
      if (path === '/api/ask' && limited-- > 0) return json({ error: { code: 'rate_limited' } }, 429, { 'Retry-After': '0' });
      return path === '/api/ask' ? json(answer) : json(hits);
    };
    const result = await evalItem(request, item);
    expect(calls.filter((p) => p === '/api/ask')).toHaveLength(3);
    expect(result.correct).toBe(true);
    expect(result.searchHit1).toBe(true);
  });

  it('fails with the status and body on any other error', async () => {
    const request: Request = async () => json({ error: { code: 'internal' } }, 500);
    await expect(evalItem(request, item)).rejects.toThrow(/\/api\/ask → 500/);
  });
});
