/**
 * @module format-reply: an answer as WeChat text — the answer, then compact plain-text sources (来源：[1] 标题 · 日期 · 第N页); a
 * refusal names the documents that may be related (可能相关的文档：《标题》), as far as one reply's bytes allow. An English
 * question's labels are English (Sources:, Documents that may be related:).
 */
import type { Answer } from '../../core/types.js';
import { utf8Length } from './split-utf8.js';
import { passageLabel } from '../../core/citation/passage-label.js';

export function formatReply(answer: Answer, maxBytes = 2047): string {
  if (!answer.found) return answer.intent === 'smalltalk' ? answer.answer : withRelated(answer, maxBytes);
  const cited = new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const sources = answer.citations.filter((c) => cited.has(c.n)).map((c) => `[${c.n}] ${passageLabel(c)}`);
  const label = answer.language === 'en' ? ['Sources: ', '; '] : ['来源：', '；'];
  return sources.length ? `${answer.answer}\n\n${label[0]}${sources.join(label[1])}` : answer.answer;
}

/** The refusal, then the related documents' unique titles; a title that would need a second message is left out. */
function withRelated(answer: Answer, maxBytes: number): string {
  const titles = [...new Set((answer.related ?? []).map((r) => r.title.trim()).filter(Boolean))];
  let line = '';
  for (const title of titles) {
    const next = `${line || (answer.language === 'en' ? '\n\nDocuments that may be related: ' : '\n\n可能相关的文档：')}《${title}》`;
    if (utf8Length(answer.answer + next) > maxBytes) break;
    line = next;
  }
  return answer.answer + line;
}
