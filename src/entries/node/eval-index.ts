/** @module eval-index: a corpus folder opened in an index of its own under `.cache/eval-index/`, reused while the folder is unchanged. */
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import type { Config } from '../../config.js';
import { openIndex, type OpenOptions, type OpenedIndex } from './open-index.js';

export const EVAL_INDEX_ROOT = '.cache/eval-index';

/**
 * Settings that point the index at `corpusDir`, in a cache folder named after it (syncing brings it up to date), with
 * an empty upload folder of its own: the documents uploaded to the server are not part of an evaluation.
 */
export function evalIndexConfig(config: Config, corpusDir: string): Config {
  const dir = resolve(corpusDir);
  const key = createHash('sha256').update(dir).digest('hex').slice(0, 10);
  const index = join(EVAL_INDEX_ROOT, `${basename(dir)}-${key}`);
  return { ...config, CORPUS_DIR: dir, INDEX_DIR: index, UPLOAD_DIR: `${index}-uploads` };
}

/**
 * A folder holding `corpusDir`'s files as they are and each of `extra`'s under a subfolder of its own (`added-1/`…), so
 * that sources of the first keep their names: a corpus and unrelated documents beside it. Files are hard links (copies
 * where links fail), refreshed on every call.
 */
export async function combinedCorpus(corpusDir: string, extra: string[]): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify([resolve(corpusDir), ...extra.map((d) => resolve(d))])).digest('hex').slice(0, 10);
  const dir = join(EVAL_INDEX_ROOT, `corpus-${basename(resolve(corpusDir))}-${key}`);
  await rm(dir, { recursive: true, force: true });
  const place = async (from: string, to: string) => {
    await mkdir(to, { recursive: true });
    for (const entry of await readdir(from, { withFileTypes: true })) {
      const source = join(from, entry.name);
      if (entry.isDirectory()) await place(source, join(to, entry.name));
      else if (entry.isFile()) await link(source, join(to, entry.name)).catch(() => copyFile(source, join(to, entry.name)));
    }
  };
  await place(corpusDir, dir);
  for (const [i, d] of extra.entries()) await place(d, join(dir, `added-${i + 1}`));
  return dir;
}

/** `options.embedder`: one model shared by several indexes in a process (onnxruntime cannot be loaded again in new threads). */
export async function openEvalIndex(config: Config, corpusDir: string, options: OpenOptions): Promise<OpenedIndex> {
  const settings = evalIndexConfig(config, corpusDir);
  await mkdir(settings.UPLOAD_DIR, { recursive: true });
  return openIndex(settings, options);
}
