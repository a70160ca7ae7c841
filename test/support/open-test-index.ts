/** Builds a real index (real model, jieba, HNSW) over a corpus folder in a temporary index folder. */
import { mkdtemp, cp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/adapters/node/logger.js';
import { openIndex, type OpenedIndex } from '../../src/entries/node/open-index.js';
import { createTransformersEmbedder } from '../../src/adapters/node/transformers-embedder.js';
import type { Embedder, EmbedKind } from '../../src/core/ports.js';

export const SEEDS = join(import.meta.dirname, '../../seeds');
export const MODELS = join(import.meta.dirname, '../../models');

export async function tempDir(prefix = 'zhida-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A copy of the seed corpus in a temporary folder, so tests may add and remove documents. */
export async function seedCorpus(): Promise<string> {
  const dir = await tempDir('zhida-corpus-');
  await cp(SEEDS, dir, { recursive: true });
  return dir;
}

export interface RecordingEmbedder extends Embedder {
  calls: { kind: EmbedKind; texts: number }[];
}

let real: Promise<Embedder> | undefined;

/** The committed model, wrapped so that tests can see what was embedded. */
export async function recordingEmbedder(): Promise<RecordingEmbedder> {
  real ??= createTransformersEmbedder({ modelId: 'Xenova/bge-small-zh-v1.5', modelsDir: MODELS });
  const inner = await real;
  const calls: RecordingEmbedder['calls'] = [];
  return {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    calls,
    async embed(texts, kind, options) {
      calls.push({ kind, texts: texts.length });
      return inner.embed(texts, kind, options);
    },
  };
}

export type TestIndex = OpenedIndex & { indexDir: string; corpusDir: string; uploadDir: string };

export async function openTestIndex(
  corpusDir: string,
  indexDir?: string,
  env: Record<string, string> = {},
  embedder?: Embedder,
): Promise<TestIndex> {
  const dir = indexDir ?? (await tempDir('zhida-index-'));
  await mkdir(dir, { recursive: true });
  // Uploads go to a folder beside the index unless the test names one, so a reopened index finds the uploads it saved.
  const uploadDir = env.UPLOAD_DIR ?? `${dir}-uploads`;
  await mkdir(uploadDir, { recursive: true });
  const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: dir, UPLOAD_DIR: uploadDir, MODELS_DIR: MODELS, LOG_LEVEL: 'silent', ...env });
  const opened = await openIndex(config, { log: createLogger('silent'), embedder: embedder ?? (await recordingEmbedder()) });
  return { ...opened, indexDir: dir, corpusDir, uploadDir };
}
