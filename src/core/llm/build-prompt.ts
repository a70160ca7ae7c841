/**
 * @module build-prompt: the messages a chat model gets to write an answer: a Chinese system prompt that keeps it to
 * the passages, the earlier turns of the conversation, then the numbered passages, the extractive answer and the
 * question.
 */
import type { Answer, ChatMessage, Citation } from '../types.js';

export const SYSTEM_PROMPT = `你是政务资料问答助手，只能依据用户消息里编号的资料回答问题。
要求：
1. 用提问所用的语言（简体或繁体）简短作答，一般不超过三句话，不要客套，不要复述问题；只写纯文本，不用 Markdown。
2. 每句话末尾用方括号标出所依据资料的编号，例如[1]或[1][2]；只能使用给出的编号。
3. 数字、单位、日期、人名和地名必须与所标资料中的写法一致：不要换算，不要推算，不要写资料里没有的内容。
4. 资料中没有的信息一律不写；如果资料不足以回答，就照抄“摘录答案”。`;

/** Earlier turns sent along: enough for a follow-up (那枣强呢？) without filling the model's context. */
const TURNS_KEPT = 6;

/** A passage's number, its document's title and the date the document states, as the model sees them: `[1]《标题》（2024-03-05）`. */
export const sourceLine = (c: Citation) => `[${c.n}]《${c.title}》${c.date ? `（${c.date}）` : ''}`;

export interface PromptInput {
  /** The user's last message, as asked. */
  question: string;
  /** The earlier turns, oldest first. */
  history: ChatMessage[];
  /** The extractive answer, with the passages it was chosen from as its citations. */
  extractive: Answer;
}

export function buildPrompt({ question, history, extractive }: PromptInput): ChatMessage[] {
  const passages = extractive.citations.map((c) => `${sourceLine(c)}\n${c.text.trim()}`).join('\n\n');
  const standalone = extractive.query && extractive.query !== question ? `（结合上文，问题是：${extractive.query}）\n` : '';
  const turns: ChatMessage[] = history
    .filter((m) => m.role === 'user' || m.role === 'assistant')
    .slice(-TURNS_KEPT)
    // An earlier answer's markers point at that answer's citations, not at these passages.
    .map((m) => ({ role: m.role, content: m.role === 'assistant' ? m.content.replace(/\[\d+\]/g, '') : m.content }));
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    ...turns,
    { role: 'user', content: `资料：\n${passages}\n\n摘录答案：${extractive.answer}\n\n问题：${question}\n${standalone}` },
  ];
}
