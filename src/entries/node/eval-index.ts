/** @module eval-index: a corpus folder opened in an index of its own under `.cache/eval-index/`, reused while the folder is unchanged. */
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { copyFile, link, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
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
 * where links fail), brought in line with the sources on every call without the folder ever being emptied: a file is
 * put in place by renaming (a link to the same file is left alone), and only files no longer in the sources go. So an
 * evaluation indexing the folder never sees documents missing while another run refreshes it.
 */
export async function combinedCorpus(corpusDir: string, extra: string[], root = EVAL_INDEX_ROOT): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify([resolve(corpusDir), ...extra.map((d) => resolve(d))])).digest('hex').slice(0, 10);
  const dir = join(root, `corpus-${basename(resolve(corpusDir))}-${key}`);
  // Where each file of the folder comes from, by its path in the folder.
  const wanted = new Map<string, string>();
  const collect = async (from: string, to: string) => {
    for (const entry of await readdir(from, { withFileTypes: true })) {
      if (entry.isDirectory()) await collect(join(from, entry.name), join(to, entry.name));
      else if (entry.isFile()) wanted.set(join(to, entry.name), join(from, entry.name));
    }
  };
  await collect(corpusDir, '');
  for (const [i, d] of extra.entries()) await collect(d, `added-${i + 1}`);
  await mkdir(root, { recursive: true });
  const staging = await mkdtemp(join(root, 'staging-'));
  try {
    let n = 0;
    for (const [path, source] of wanted) {
      const target = join(dir, path);
      const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
      if (to && to.ino === from.ino && to.dev === from.dev) continue;
      await mkdir(dirname(target), { recursive: true });
      const temp = join(staging, String(n++));
      await link(source, temp).catch(() => copyFile(source, temp));
      await rename(temp, target);
    }
    const prune = async (at: string, path: string) => {
      for (const entry of await readdir(at, { withFileTypes: true })) {
        const inFolder = join(path, entry.name);
        if (entry.isDirectory()) await prune(join(at, entry.name), inFolder);
        else if (!wanted.has(inFolder)) await rm(join(at, entry.name), { force: true });
      }
    };
    await prune(dir, '');
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return dir;
}

/** `options.embedder`: one model shared by several indexes in a process (onnxruntime cannot be loaded again in new threads). */
export async function openEvalIndex(config: Config, corpusDir: string, options: OpenOptions): Promise<OpenedIndex> {
  const settings = evalIndexConfig(config, corpusDir);
  await mkdir(settings.UPLOAD_DIR, { recursive: true });
  return openIndex(settings, options);
}
