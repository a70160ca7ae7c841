/** @module inspect: what a document's state is across the index, the corpus folder and answers, and what temporary files are left. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ask, listDocuments } from './http.js';

export interface Probe {
  /** Corpus-relative file name. */
  source: string;
  question: string;
  /** What an answer from this document holds. */
  expect: string;
}

export interface DocumentState {
  listed: boolean;
  file: boolean;
  answered: boolean;
  /** `present`: listed, on disk and answered; `absent`: none of these; otherwise half-applied. */
  verdict: 'present' | 'absent' | 'half-applied';
  summary: string;
}

export async function documentState(url: string, corpusDir: string, probe: Probe): Promise<DocumentState> {
  const listed = (await listDocuments(url)).documents.some((d) => d.source === probe.source);
  const file = (await stat(join(corpusDir, probe.source)).catch(() => undefined))?.isFile() ?? false;
  const answered = (await ask(url, probe.question)).includes(probe.expect);
  const verdict = listed && file && answered ? 'present' : !listed && !file && !answered ? 'absent' : 'half-applied';
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return { listed, file, answered, verdict, summary: `${verdict} (listed ${yes(listed)}, file ${yes(file)}, answered ${yes(answered)})` };
}

/** Temporary files of interrupted writes: `.tmp-gen-*` generations in the index, `.<name>.<pid>.<hex>.tmp` in the corpus. */
export async function leftovers(indexDir: string, corpusDir: string): Promise<string[]> {
  const index = (await readdir(indexDir).catch(() => [] as string[])).filter((n) => n.startsWith('.tmp-'));
  const corpus = (await readdir(corpusDir, { recursive: true }).catch(() => [] as string[])).filter((n) => /(^|\/)\.[^/]*\.tmp$/.test(n));
  return [...index.map((n) => `index/${n}`), ...corpus.map((n) => `corpus/${n}`)];
}

/** The generation CURRENT names. */
export const currentGeneration = (indexDir: string) => readFile(join(indexDir, 'CURRENT'), 'utf8').then((s) => s.trim(), () => '');
