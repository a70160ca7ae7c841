/**
 * @module sound-index: corpus words by how they sound, for names an English question spells in pinyin (Pinglu → 平陆,
 * Hengshui → 衡水, Liu Xinying → 刘新营): tones, spaces, apostrophes and case do not matter.
 */
import { pinyin } from 'pinyin-pro';
import { SURNAMES } from '../normalize/surnames.js';

const HAN_TERM = /^[\u3400-\u9fff]{2,4}$/;
/** Terms kept per sound. */
const KEEP = 4;

interface Sounded {
  term: string;
  syllables: string[];
  documents: number;
}

/** Lower case, tone marks and tone numbers and everything but letters removed: Píng lù, ping2lu4, Ping-Lu → pinglu. */
export function soundKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[üǖǘǚǜ]/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
}

const syllablesOf = (term: string): string[] => pinyin(term, { toneType: 'none', type: 'array', v: true }).map(soundKey);

export class SoundIndex {
  private readonly bySound = new Map<string, Sounded[]>();
  private readonly surnames = new Map<string, string>();
  /** One-character words by sound, the commonest kept: the last resort of a pieced-together name (四 + 峰山). */
  private readonly singles = new Map<string, { term: string; documents: number }>();
  /** Longest key, in letters: bounds the search. */
  private longest = 0;

  /** `terms`: the corpus's words with the number of documents using each; only Han words of 2–4 characters are kept. */
  constructor(terms: Iterable<[string, number]>, known: (term: string) => boolean) {
    for (const [term, documents] of terms) {
      if (/^[\u3400-\u9fff]$/.test(term)) {
        const key = syllablesOf(term)[0];
        if (/^[a-z]+$/.test(key) && (this.singles.get(key)?.documents ?? 0) < documents) this.singles.set(key, { term, documents });
        continue;
      }
      if (!HAN_TERM.test(term)) continue;
      const syllables = syllablesOf(term);
      const key = syllables.join('');
      if (!/^[a-z]+$/.test(key)) continue;
      const list = this.bySound.get(key) ?? [];
      list.push({ term, syllables, documents });
      this.bySound.set(key, list.sort((a, b) => b.documents - a.documents).slice(0, KEEP));
      this.longest = Math.max(this.longest, key.length);
    }
    for (const ch of SURNAMES) {
      const key = syllablesOf(ch)[0];
      if (known(ch) && !this.surnames.has(key)) this.surnames.set(key, ch);
    }
  }

  get size(): number {
    return this.bySound.size;
  }

  /** Corpus words that sound exactly like the text, commonest first. */
  exact(text: string): string[] {
    return (this.bySound.get(soundKey(text)) ?? []).map((s) => s.term);
  }

  /**
   * The Chinese a spelt name stands for, pieced together from corpus words when no single word sounds like it: a
   * surname then words (Liu Xinying → 刘 + 新营), or words that share a character (翟纪 + 纪亭 → 翟纪亭).
   */
  name(text: string): string | undefined {
    const key = soundKey(text);
    if (!key) return undefined;
    const whole = this.bySound.get(key)?.[0];
    if (whole) return whole.term;
    const memo = new Map<string, string | null>();
    // From letter `at`, after a piece whose last character sounds `last` (for a piece that repeats it).
    const from = (at: number, lastChar: string, lastSound: string): string | null => {
      if (at === key.length) return '';
      const memoKey = `${at}:${lastChar}`;
      if (memo.has(memoKey)) return memo.get(memoKey)!;
      let found: string | null = null;
      for (let end = Math.min(key.length, at + this.longest); end > at && found === null; end--) {
        for (const s of this.bySound.get(key.slice(at, end)) ?? []) {
          const rest = from(end, s.term.at(-1)!, s.syllables.at(-1)!);
          if (rest !== null) {
            found = s.term + rest;
            break;
          }
        }
      }
      // One character that sounds like the next syllable (四 of 四峰山, 垣 of 常乐垣).
      for (let end = Math.min(key.length, at + 6); end > at && found === null; end--) {
        const single = this.singles.get(key.slice(at, end));
        const rest = single ? from(end, single.term, key.slice(at, end)) : null;
        if (single && rest !== null) found = single.term + rest;
      }
      // A piece that starts with the previous piece's last character (翟纪 then 纪亭), its first sound already read.
      if (found === null && lastChar) {
        for (let end = Math.min(key.length, at + this.longest); end > at && found === null; end--) {
          for (const s of this.bySound.get(lastSound + key.slice(at, end)) ?? []) {
            if (!s.term.startsWith(lastChar)) continue;
            const rest = from(end, s.term.at(-1)!, s.syllables.at(-1)!);
            if (rest !== null) {
              found = s.term.slice(1) + rest;
              break;
            }
          }
        }
      }
      memo.set(memoKey, found);
      return found;
    };
    for (const [sound, ch] of this.surnames) {
      if (!key.startsWith(sound) || key.length === sound.length) continue;
      const rest = from(sound.length, ch, sound);
      if (rest) return ch + rest;
    }
    return from(0, '', '') || undefined;
  }
}
