/** @module rewrite-followup: turns an elliptical follow-up (那枣强呢？) into a standalone question. */
import { foldText } from '../normalize/fold-text.js';

export interface RewriteContext {
  tokenize(folded: string): string[];
  /** Share of a term's occurrences in its most frequent document (1 = it names one document's subject). */
  focus(term: string): number;
  places(folded: string): string[];
}

const PUNCT = /[\s?？!！。.,，、~～…]+/g;
const LEAD = /^(那么|那|还有|另外|换成|换作|如果是|要是|至于|再问一下|再问|请问)/;
const TAIL = /(的情况|的呢|呢|怎么样|如何|又如何|情况如何)$/;
const ASKS_ITSELF = /多少|什么|谁|哪|几|如何|怎么|是否|吗|何时/;
const MAX_FOLLOWUP = 16;

/** The follow-up's new subject (枣强), or undefined when the question stands on its own. */
export function followUpSubject(question: string): string | undefined {
  const q = foldText(question).replace(PUNCT, '');
  if (!q || q.length > MAX_FOLLOWUP) return undefined;
  if (!LEAD.test(q) && !/呢$/.test(q)) return undefined;
  const subject = q.replace(LEAD, '').replace(TAIL, '');
  if (!subject || ASKS_ITSELF.test(subject)) return undefined;
  return subject;
}

/** The term of the previous question that plays the subject's role: a place, else the most document-specific word. */
function topicOf(previous: string, ctx: RewriteContext): string | undefined {
  const places = ctx.places(previous).filter((p) => previous.includes(p));
  if (places.length) return places[0];
  let best: { term: string; share: number; at: number } | undefined;
  for (const term of ctx.tokenize(previous)) {
    if (term.length < 2 || /^\d/.test(term)) continue;
    const share = ctx.focus(term);
    const at = previous.indexOf(term);
    if (share < 0.6 || at < 0) continue;
    if (!best || share > best.share || (share === best.share && at < best.at)) best = { term, share, at };
  }
  return best?.term;
}

/**
 * Rewrites `question` against the earlier user turns (oldest first). Each earlier turn is itself rewritten
 * first, so a chain 平陆招商目标是多少 → 那枣强呢 → 衡水呢 keeps the original question's shape.
 */
export function rewriteFollowUp(question: string, earlier: string[], ctx: RewriteContext): string {
  let previous: string | undefined;
  for (const turn of earlier) previous = previous === undefined ? turn.trim() : rewriteOne(turn, previous, ctx);
  return previous === undefined ? question.trim() : rewriteOne(question, previous, ctx);
}

function rewriteOne(question: string, previous: string, ctx: RewriteContext): string {
  const subject = followUpSubject(question);
  if (!subject) return question.trim();
  const prev = foldText(previous).replace(/[?？!！。]+$/, '');
  if (prev.includes(subject)) return prev;
  const topic = topicOf(prev, ctx);
  return topic ? prev.replace(topic, subject) : `${subject}${prev}`;
}
