/**
 * @module split-reply: a long reply cut into parts that each fit one WeChat message, at the end of a paragraph,
 * sentence or clause when one lies in the second half of the part, never inside a character.
 */
import { splitUtf8, utf8Length } from './split-utf8.js';

const SENTENCE_END = /[。！？!?…]/;
// A closing quote or bracket right after a sentence end belongs to that sentence.
const CLOSER = /[”’」』）)》】"']/;
const CLAUSE_END = /[；;，,、：:\s]/;
const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * Parts of at most `maxBytes` UTF-8 bytes, where every part but the last leaves `reserveBytes` free (room for a
 * continuation prompt). A text that fits whole is returned as it is; whitespace at a cut is dropped.
 */
export function splitReply(text: string, maxBytes: number, reserveBytes = 0): string[] {
  const budget = maxBytes - reserveBytes;
  if (budget < 4) throw new RangeError('splitReply needs room for at least one character per part');
  const parts: string[] = [];
  let rest = text;
  while (utf8Length(rest) > maxBytes) {
    const cut = cutIndex(rest, budget);
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Where to cut `text` so that the head has at most `budget` bytes: the best boundary, else the last whole character. */
function cutIndex(text: string, budget: number): number {
  // String indexes just after the last paragraph, sentence and clause end that fit, in order of preference.
  const after = [0, 0, 0];
  let bytes = 0;
  let end = 0;
  let previous = '';
  for (const { segment, index } of graphemes.segment(text)) {
    bytes += utf8Length(segment);
    if (bytes > budget) break;
    end = index + segment.length;
    // A cut early in the part would waste most of a message.
    if (bytes >= budget / 2) {
      if (segment.includes('\n')) after[0] = end;
      else if (SENTENCE_END.test(segment) || (CLOSER.test(segment) && SENTENCE_END.test(previous))) after[1] = end;
      else if (CLAUSE_END.test(segment)) after[2] = end;
    }
    previous = segment;
  }
  const boundary = after.find((i) => i > 0);
  if (boundary) return boundary;
  // A single grapheme larger than the budget is cut between its code points.
  return end > 0 ? end : splitUtf8(text, budget)[0].length;
}
