/** @module fold-text: search-only normalisation (traditional→simplified, full→half width, lower case), length-preserving. */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Traditional characters and phrases (Taiwan usage) in simplified ones; the length may change. */
export const simplified = (text: string): string => toSimplified(text);

const QUOTES = /[“”„‟〝〞＂「」『』]/g;
const SINGLE_QUOTES = /[‘’‚‛]/g;

function foldChar(code: number): number {
  if (code === 0x3000) return 0x20;
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  return code;
}

/** Full-width ASCII and ideographic space become half-width; quotes become `"`; ASCII is lower-cased. */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldChar(text.charCodeAt(i)));
  return out.replace(QUOTES, '"').replace(SINGLE_QUOTES, "'").toLowerCase();
}

/**
 * Folds text for matching. The result has the same length as the input, so an offset in the folded text
 * is the same offset in the original: OpenCC's phrase conversion is used when it keeps the length, and
 * character-by-character conversion when it would not.
 */
export function foldText(text: string): string {
  let simplified = toSimplified(text);
  if (simplified.length !== text.length) {
    simplified = '';
    for (const ch of text) {
      const c = toSimplified(ch);
      simplified += c.length === ch.length ? c : ch;
    }
  }
  return foldWidth(simplified);
}
