/**
 * A synthetic corpus for scale runs: documents built from the seed corpus's own sentences, with other place names,
 * years and figures, so that vocabulary and sentence shapes stay realistic while the text varies.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findClutter } from '../src/core/ingest/find-clutter.js';
import { splitSentences } from '../src/core/chunk/split-sentences.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const SYLLABLES = '青白红金银石松柏梅兰竹菊东西南北安宁平和永昌兴隆泰丰华阳春秋明清长乐新源龙凤云山水河湖江岭'.split('');
const SUFFIX = ['县', '市', '区', '镇'];
const TOPICS = ['经济工作会议', '招商引资推进会', '乡村振兴动员大会', '项目建设调度会', '作风建设大会', '三级干部大会'];
const SEED_PLACES = /平陆|枣强|环县|衡水|X区|我县|我区|全县|全市/g;

/** A small deterministic random generator, so that a size always gives the same corpus. */
export function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Sentences of the seed corpus (clutter removed, folded to simplified), each with a key that survives rewriting. */
export function seedSentences(dir: string): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const line of findClutter(text)) {
      if (line.clutter) continue;
      for (const s of splitSentences(text, line)) {
        const sentence = foldText(text.slice(s.start, s.end));
        if (sentence.length >= 12 && sentence.length <= 200) out.add(sentence);
      }
    }
  }
  return [...out];
}

export interface SyntheticDocument {
  source: string;
  text: string;
  place: string;
  /** Where each sentence sits in `text`, and which seed sentence it was made from (its stored vector). */
  sentences: { start: number; end: number; seed: number }[];
}

/** Documents of about `sentencesPerDoc` sentences until `targetChars` characters are written. */
export function* syntheticDocuments(sentences: string[], targetChars: number, seed = 42, sentencesPerDoc = 24): Generator<SyntheticDocument> {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  let written = 0;
  for (let n = 0; written < targetChars; n++) {
    const place = pick(SYLLABLES) + pick(SYLLABLES) + pick(SUFFIX);
    const year = 2015 + Math.floor(rnd() * 10);
    const title = `在${place}${year}年${pick(TOPICS)}上的讲话`;
    let text = `${title}\n\n`;
    const spans: SyntheticDocument['sentences'] = [];
    for (let i = 0; i < sentencesPerDoc; i++) {
      const seed = Math.floor(rnd() * sentences.length);
      const s = sentences[seed]
        .replace(SEED_PLACES, place.slice(0, 2))
        .replace(/\d+(\.\d+)?/g, (m) => (m.includes('.') ? (rnd() * 100).toFixed(1) : String(1 + Math.floor(rnd() * 500))));
      if (i % 6 === 0) text += `${'一二三四五六七八九十'[Math.floor(i / 6) % 10]}、工作部署\n`;
      spans.push({ start: text.length, end: text.length + s.length, seed });
      text += `${s}\n`;
    }
    written += text.length;
    yield { source: `syn/${String(n).padStart(7, '0')}.txt`, text, place, sentences: spans };
  }
}
