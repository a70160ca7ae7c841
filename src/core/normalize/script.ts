/** @module script: which writing system a text is written in, Han characters or Latin letters, by counting them. */
const HAN = /[\u3400-\u9fff]/g;
const LATIN = /[A-Za-z]/g;
const LATIN_WORD = /[A-Za-z]+/g;

const count = (text: string, letters: RegExp) => text.match(letters)?.length ?? 0;

/** Latin letters and not one Han character: an English question. */
export const inLatinScript = (text: string): boolean => count(text, LATIN) > 0 && count(text, HAN) === 0;

/** More Latin words than Han characters: an English passage, not a Chinese one that quotes English titles. */
export const mostlyLatin = (text: string): boolean => count(text, LATIN_WORD) > count(text, HAN);
