/**
 * @module pattern-names: a NameFinder without a part-of-speech tagger (all Workers has): the gazetteer's places, the
 * corpus's own counties, cities and townships with and without their ending (枣强县, 枣强), and a person named after
 * an official title (县委书记王晓东同志).
 */
import type { NameFinder } from '../ports.js';
import { findPlaces } from '../normalize/vocabulary-tokenizer.js';

const TITLES = '书记|县长|市长|省长|区长|镇长|乡长|主任|局长|处长|部长|厅长|主席|总理|秘书长';
const HAN = '[\\u4e00-\\u9fff]';
/**
 * A name of two or three characters after a title (and 是 or 为: 县委书记是刘新营), ending where 同志, a verb of
 * speech, punctuation or the text ends. The tagger knows few uncommon names (刘新营, 翟纪亭).
 */
const TITLED = new RegExp(`(?:${TITLES})(?:是|为)?\\s?(${HAN}{2,3}?)(?=同志|强调|指出|表示|要求|主持|出席|讲话|说|[,.;:!?，。；：！？、)）\\s]|$)`, 'g');
/**
 * The corpus's place list comes from a tagger run over whole documents and holds common words too (新建, 城市);
 * only names with an administrative ending are taken from it.
 */
const ADMINISTRATIVE = new RegExp(`^${HAN}{2,}[省市县区州镇乡]$`);

function namesOf(places: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of places) {
    if (!ADMINISTRATIVE.test(p)) continue;
    out.add(p);
    out.add(p.slice(0, -1));
  }
  return out;
}

/** `placeNames`: the places the corpus's documents name (the same array while they are unchanged). */
export function createPatternNameFinder(placeNames: () => readonly string[] = () => []): NameFinder {
  let list: readonly string[] | undefined;
  let known = new Set<string>();
  return {
    names(folded) {
      const now = placeNames();
      if (now !== list) [list, known] = [now, namesOf(now)];
      return [...findPlaces(folded, (t) => known.has(t)), ...[...folded.matchAll(TITLED)].map((m) => m[1])];
    },
  };
}
