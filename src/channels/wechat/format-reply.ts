/**
 * @module format-reply: an answer as WeChat text — the answer, then compact plain-text sources (来源：[1] 标题 · 日期 · 第N页); a
 * refusal names the documents that may be related (可能相关的文档：《标题》), as far as one reply's bytes allow.
 */
import type { Answer } from '../../core/types.js';
import { utf8Length } from './split-utf8.js';
import { passageLabel } from '../../core/citation/passage-label.js';

export function formatReply(answer: Answer, maxBytes = 2047): string {
  if (!answer.found) return answer.intent === 'smalltalk' ? answer.answer : withRelated(answer, maxBytes);
  const cited = new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const sources = answer.citations.filter((c) => cited.has(c.n)).map((c) => `[${c.n}] ${passageLabel(c)}`);
  return sources.length ? `${answer.answer}\n\n来源：${sources.join('；')}` : answer.answer;
}

/** The refusal, then the related documents' unique titles; a title that would need a second message is left out. */
function withRelated(answer: Answer, maxBytes: number): string {
  const titles = [...new Set((answer.related ?? []).map((r) => r.title.trim()).filter(Boolean))];
  let line = '';
  for (const title of titles) {
    const next = `${line || '\n\n可能相关的文档：'}《${title}》`;
    if (utf8Length(answer.answer + next) > maxBytes) break;
    line = next;
  }
  return answer.answer + line;
}
