/** @module homophones: how a character sounds (its common pinyin reading, tones ignored), for misspelt names (平路 → 平陆). */
import { pinyin } from 'pinyin-pro';

const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

/** The toneless pinyin of a Han character; the character itself when it has no reading. */
export function soundOf(ch: string): string {
  let sound = memo.get(ch);
  if (sound === undefined) {
    sound = pinyin(ch, { toneType: 'none' }) || ch;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(ch, sound);
  }
  return sound;
}
