/** @module answer-slots: whether a window has new words where the question's word for the answer stands. */
import { locateKeyword as locate } from './keyword-match.js';
import { isWordChar, type PreparedQuestion } from './prepare-question.js';

/** Whether the text has a character the question does not, within `from`..`to`. */
function novelIn(p: PreparedQuestion, text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(text.length, to); i++) if (isWordChar(text[i]) && !p.chars.has(text[i])) return true;
  return false;
}

const SLOT_REACH = 16;

/**
 * The answer's slot: the window has new words right after a keyword that precedes the question word (…的别名是 → 别称黄莺),
 * right before one that follows it, or between the two.
 */
export function slots(p: PreparedQuestion, text: string): [number, number, number] {
  let left = 0;
  let right = 0;
  let between = 0;
  p.left.forEach((k, n) => {
    const at = locate(k, text);
    if (at && novelIn(p, text, at.end, at.end + SLOT_REACH)) left = Math.max(left, n === 0 ? 1 : 0.6);
    if (!at) return;
    for (const r of p.right) {
      const to = locate(r, text);
      if (to && to.start > at.end && to.start - at.end <= 3 * SLOT_REACH && novelIn(p, text, at.end, to.start)) between = 1;
    }
  });
  p.right.forEach((k, n) => {
    const at = locate(k, text);
    if (at && novelIn(p, text, at.start - SLOT_REACH, at.start)) right = Math.max(right, n === 0 ? 1 : 0.6);
  });
  return [left, right, between];
}
