/** @module chinese-numerals: cheap Chinese-numeral reading (八 → 8, 二十五 → 25, 两千 → 2000). */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
export const CHINESE_NUMERAL_RUN = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+`);

/** Reads a whole string of Chinese numerals; `undefined` if it is not one. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!text || /^[万亿]+$/.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      section += (digit ?? 1) * UNITS[ch];
      digit = undefined;
    } else if (ch in BIG_UNITS) {
      total += (section + (digit ?? 0)) * BIG_UNITS[ch];
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}
