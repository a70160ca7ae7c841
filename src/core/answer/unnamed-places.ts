/**
 * @module unnamed-places: words of a question that read as a place (a name and 县, 市, 乡 …) but that the corpus never
 * uses (青山县 in a corpus about 平陆 and 枣强). The tagger at indexing time and the gazetteer know only some places;
 * a county the documents never mention is none of theirs either.
 */
import { STOPWORDS } from '../normalize/stopwords.js';

const SUFFIXES = '省市县区州乡镇';
/** Characters that make 县 or 乡 a common noun (全县, 各乡, 本市, 两区), not a place's name. */
const DETERMINERS = /[全各本该我你贵外邻两三四五多每其此哪某一]/;
const HAN = /^[\u4e00-\u9fff]+$/;
/** A classifier before the name makes the word a kind of place (哪一类科创县, 一个示范县), not a place. */
const CLASSIFIERS = /[类种个批型]/;
/**
 * A verb right before the suffix makes it a change of status (改成区, 撤县设区, 升为市), a way to or from a place
 * (领导来县里视察, 回到乡里, 冲进省里的名单) or an office held (现任县长, 担任市长), not a place.
 */
const STATUS_VERBS = /[成为设撤来到去回往赴进任]/;

/** Place-like words in folded text whose name (the characters before the suffix) the corpus never uses. */
export function unnamedPlaces(folded: string, known: (term: string) => boolean): string[] {
  const out = new Set<string>();
  for (let j = 2; j < folded.length; j++) {
    if (!SUFFIXES.includes(folded[j])) continue;
    const suffix = folded[j];
    const name = folded.slice(j - 2, j);
    if (!HAN.test(name) || [...name].some((c) => STOPWORDS.has(c)) || DETERMINERS.test(name[1]) || STATUS_VERBS.test(name[1])) continue;
    // 省级, 县级: a level, not a place.
    if (folded[j + 1] === '级' || CLASSIFIERS.test(folded[j - 3] ?? '')) continue;
    // Known when the corpus uses the name with any of the characters before it (江堰 in 都江堰市), or the word it ends.
    const longer = [2, 3, 4].filter((n) => j - n >= 0).map((n) => folded.slice(j - n, j));
    if (longer.some((stem) => known(stem) || known(stem + suffix)) || known(name[1] + suffix)) continue;
    out.add(name + suffix);
  }
  return [...out];
}
