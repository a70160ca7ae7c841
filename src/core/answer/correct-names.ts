/**
 * @module correct-names: a name in the question that the corpus does not know but that sounds like one it does, one
 * character apart (平路 → 平陆, 枣墙 → 枣强, 菜甸 → 蔡甸), is read as that name; the answer says so.
 */
import { soundOf } from '../normalize/homophones.js';
import { PLACE_SUFFIX } from '../normalize/place-suffix.js';

export interface NameCorrection {
  from: string;
  to: string;
}

const HAN = /^[\u4e00-\u9fff]+$/;
/** 枣强县 is also 枣强. */
/**
 * 各乡镇, 全县, 本市: a word that points at places, not a name, though a place list may hold it; nothing is read as it
 * (多少个乡镇 is not 多少各乡镇).
 */
const POINTING = /^[各每全本该此我其某这那诸]/;
const SHORTEST = 2;
const LONGEST = 4;

/** A name with one character left open, and how that character sounds: 平*|lu for 平陆. */
const keyOf = (text: string, at: number) => `${text.slice(0, at)}*${text.slice(at + 1)}|${soundOf(text[at])}`;

/** Names (places the corpus mentions) by their sound-alike keys. */
export class NameIndex {
  private readonly byKey = new Map<string, string>();
  /** Every name, also without its suffix (平陆县 is also 平陆). */
  private readonly all = new Set<string>();

  constructor(names: Iterable<string>) {
    for (const full of names) {
      for (const name of new Set([full, full.replace(PLACE_SUFFIX, '')])) {
        this.all.add(name);
        if (name.length < SHORTEST || name.length > LONGEST || !HAN.test(name) || POINTING.test(name)) continue;
        for (let i = 0; i < name.length; i++) if (!this.byKey.has(keyOf(name, i))) this.byKey.set(keyOf(name, i), name);
      }
    }
  }

  /** Whether `text` is one of the names, with or without its suffix. */
  has(text: string): boolean {
    return this.all.has(text);
  }

  /** A name that sounds like `text` and differs from it in one character. */
  soundsLike(text: string): string | undefined {
    for (let i = 0; i < text.length; i++) {
      const name = this.byKey.get(keyOf(text, i));
      if (name && name !== text) return name;
    }
    return undefined;
  }
}

/**
 * Whether one of `words` crosses the edge of folded[at, at + length): it overlaps the span and reaches beyond it, by more
 * than a place suffix (伊丽 inside 伊丽莎白港, 兴现 across 吕志兴 and 现在).
 */
function crossesWord(folded: string, at: number, length: number, words: readonly string[]): boolean {
  const span = folded.slice(at, at + length);
  return words.some((word) => {
    if (word.replace(PLACE_SUFFIX, '') === span) return false;
    for (let p = folded.indexOf(word); p !== -1; p = folded.indexOf(word, p + 1)) {
      const end = p + word.length;
      if (p < at + length && end > at && (p < at || end > at + length)) return true;
    }
    return false;
  });
}

/**
 * Whether `span` is a name the corpus knows followed by the next word's first character, which sounds like the
 * name's place suffix (平陆现任县长: 平陆现 is 平陆 and 现任, not a misspelt 平陆县).
 */
function suffixOnly(span: string, name: string, names: NameIndex): boolean {
  const stem = span.slice(0, -1);
  return PLACE_SUFFIX.test(name) && name.slice(0, -1) === stem && names.has(stem);
}

/**
 * The question with each misspelt name replaced (longest first), and what was replaced. `known` says the corpus uses
 * a term: a term it knows is never corrected, nor broken up. `words` are the question's tokens: a name is not read into
 * part of one the corpus knows (伊丽莎白港 is not 伊犁 with 莎白港 after it).
 */
export function correctNames(
  folded: string,
  names: NameIndex,
  known: (term: string) => boolean,
  words: readonly string[] = [],
): { text: string; corrections: NameCorrection[] } {
  const corrections: NameCorrection[] = [];
  const whole = words.filter((w) => w.length >= SHORTEST && known(w));
  let text = '';
  for (let i = 0; i < folded.length; ) {
    let found: { from: string; to: string } | undefined;
    for (let n = Math.min(LONGEST, folded.length - i); n >= SHORTEST && !found; n--) {
      const s = folded.slice(i, i + n);
      if (!HAN.test(s) || known(s) || crossesWord(folded, i, n, whole)) continue;
      const name = names.soundsLike(s);
      if (name && !suffixOnly(s, name, names)) found = { from: s, to: name };
    }
    if (found) {
      corrections.push(found);
      text += found.to;
      i += found.from.length;
    } else {
      text += folded[i];
      i++;
    }
  }
  return { text, corrections };
}
