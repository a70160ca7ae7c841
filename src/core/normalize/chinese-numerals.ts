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

const DIGIT_CHARS = '零一二三四五六七八九';

/** Writes 0..99999 in Chinese numerals (50 → 五十, 3300 → 三千三百, 14 → 十四). */
export function toChineseNumeral(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n >= 100_000) return undefined;
  if (n < 10) return DIGIT_CHARS[n];
  if (n < 20) return `十${n % 10 ? DIGIT_CHARS[n % 10] : ''}`;
  const units: [number, string][] = [[10_000, '万'], [1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let out = '';
  let zero = false;
  for (const [value, name] of units) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGIT_CHARS[d] + name;
  }
  return out.replace(/零+$/, '');
}

const NUMERAL_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]{2,}|[${CHINESE_NUMERAL_CHARS}](?=[个项家名位次件条所座批种年月天亩户台辆倍])`, 'g');

/**
 * The same words with their numbers written the other way: 五十个 ↔ 50个, 3300户 ↔ 三千三百户. Terms without a
 * number, or whose number reads no other way, give none.
 */
export function numeralVariants(term: string): string[] {
  const out = new Set<string>();
  const toDigits = term.replace(NUMERAL_RUN, (run) => {
    const value = parseChineseNumeral(run);
    return value === undefined ? run : String(value);
  });
  if (toDigits !== term) out.add(toDigits);
  // Whole numbers only: not decimals (112.1), not years (2023年).
  const toChinese = term.replace(/(?<![\d.])\d+(?![\d.])(?!年)/g, (d) => toChineseNumeral(Number(d)) ?? d);
  if (toChinese !== term) out.add(toChinese);
  return [...out];
}
