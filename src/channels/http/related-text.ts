/** @module related-text: a refusal's related passages as plain text, plainly labelled as not an answer (for /v1). */
import type { Answer } from '../../core/types.js';

const SNIPPET_CHARS = 40;

/** One line of the passage, cut to 40 characters (the last one an ellipsis when cut). */
export function snippet(text: string, max = SNIPPET_CHARS): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** `\n\n可能相关的内容（不是答案）：\n1. 《标题》：片段…` (in English for an English question), or '' for an answer, small talk, or a refusal with nothing related. */
export function relatedText(answer: Answer): string {
  if (answer.found || answer.intent === 'smalltalk' || !answer.related?.length) return '';
  const english = answer.language === 'en';
  const lines = answer.related.map((r, i) => `${i + 1}. 《${r.title}》${english ? ': ' : '：'}${snippet(r.text)}`);
  return `\n\n${english ? 'Possibly related (not an answer):' : '可能相关的内容（不是答案）：'}\n${lines.join('\n')}`;
}
