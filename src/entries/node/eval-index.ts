/** @module eval-index: a corpus folder opened in an index of its own under `.cache/eval-index/`, reused while the folder is unchanged. */
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import type { Config } from '../../config.js';
import { openIndex, type OpenOptions, type OpenedIndex } from './open-index.js';

export const EVAL_INDEX_ROOT = '.cache/eval-index';

/** Settings that point the index at `corpusDir`, in a cache folder named after it (syncing brings it up to date). */
export function evalIndexConfig(config: Config, corpusDir: string): Config {
  const dir = resolve(corpusDir);
  const key = createHash('sha256').update(dir).digest('hex').slice(0, 10);
  return { ...config, CORPUS_DIR: dir, INDEX_DIR: join(EVAL_INDEX_ROOT, `${basename(dir)}-${key}`) };
}

/** `options.embedder`: one model shared by several indexes in a process (onnxruntime cannot be loaded again in new threads). */
export function openEvalIndex(config: Config, corpusDir: string, options: OpenOptions): Promise<OpenedIndex> {
  return openIndex(evalIndexConfig(config, corpusDir), options);
}
