/** @module inspect: what an uploaded document's state is across the index, the upload folder and answers, and what temporary files are left. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ask, listDocuments } from './http.js';

export interface Probe {
  /** The file name it is uploaded under: the file is UPLOAD_DIR/<name>, the document uploads/<name>. */
  name: string;
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

/** The source an uploaded document is listed and cited under. */
export const uploaded = (probe: Probe) => `uploads/${probe.name}`;

export async function documentState(url: string, uploadDir: string, probe: Probe): Promise<DocumentState> {
  const listed = (await listDocuments(url)).documents.some((d) => d.source === uploaded(probe));
  const file = (await stat(join(uploadDir, probe.name)).catch(() => undefined))?.isFile() ?? false;
  const answered = (await ask(url, probe.question)).includes(probe.expect);
  const verdict = listed && file && answered ? 'present' : !listed && !file && !answered ? 'absent' : 'half-applied';
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return { listed, file, answered, verdict, summary: `${verdict} (listed ${yes(listed)}, file ${yes(file)}, answered ${yes(answered)})` };
}

/** Temporary files of interrupted writes: `.tmp-gen-*` generations in the index, `.<name>.<pid>.<hex>.tmp` in the folders. */
export async function leftovers(indexDir: string, folders: Record<string, string>): Promise<string[]> {
  const index = (await readdir(indexDir).catch(() => [] as string[])).filter((n) => n.startsWith('.tmp-'));
  const files = [];
  for (const [label, dir] of Object.entries(folders)) {
    for (const n of await readdir(dir, { recursive: true }).catch(() => [] as string[])) if (/(^|\/)\.[^/]*\.tmp$/.test(n)) files.push(`${label}/${n}`);
  }
  return [...index.map((n) => `index/${n}`), ...files];
}

/** The generation CURRENT names. */
export const currentGeneration = (indexDir: string) => readFile(join(indexDir, 'CURRENT'), 'utf8').then((s) => s.trim(), () => '');
