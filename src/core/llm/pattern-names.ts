/**
 * @module pattern-names: a NameFinder for runtimes without a part-of-speech tagger (Workers): the gazetteer's places,
 * the corpus's own place names, and a person named after an official title (县委书记王晓东, 县长翟纪亭同志).
 */
import type { NameFinder } from '../ports.js';
import { findPlaces } from '../normalize/vocabulary-tokenizer.js';

const TITLES = '书记|县长|市长|省长|区长|镇长|乡长|主任|局长|处长|部长|厅长|主席|总理|秘书长|委员|代表';
const HAN = '[\\u4e00-\\u9fff]';
/** A name of two or three characters after a title, ending where 同志, a verb of speech or punctuation follows. */
const TITLED = new RegExp(`(?:${TITLES})\\s?(${HAN}{2,3}?)(?=同志|强调|指出|表示|要求|主持|出席|讲话|说|[,.;:!?，。；：！？、)）\\s]|$)`, 'g');

/** `knownPlace`: whether a term is a place some document names. */
export function createPatternNameFinder(knownPlace: (term: string) => boolean = () => false): NameFinder {
  return {
    names: (folded) => [...findPlaces(folded, knownPlace), ...[...folded.matchAll(TITLED)].map((m) => m[1])],
  };
}
