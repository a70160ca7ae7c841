/** @module format-reply: an answer as WeChat text — the answer, then compact plain-text sources (来源：[1] 标题). */
import type { Answer } from '../../core/types.js';

export function formatReply(answer: Answer): string {
  if (!answer.found) return answer.answer;
  const cited = new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const sources = answer.citations.filter((c) => cited.has(c.n)).map((c) => `[${c.n}] ${c.title}`);
  return sources.length ? `${answer.answer}\n\n来源：${sources.join('；')}` : answer.answer;
}
