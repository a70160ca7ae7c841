/** @module prepare-uploads: the corpus folder as prepared uploads (cleaned, chunked, tokenised by jieba), for a remote index. */
import type { Config } from '../../config.js';
import { resolve } from 'node:path';
import { createFsDocumentStore } from '../../adapters/node/fs-document-store.js';
import { parseDocument } from '../../adapters/node/parse-document.js';
import { parseLimitsOf, type LimitSettings } from '../../adapters/node/parse-limits.js';
import { createJiebaTokenizer } from '../../adapters/node/jieba-tokenizer.js';
import { prepareDocument } from '../../core/ingest/prepare-document.js';
import { toUpload, type PreparedUpload } from '../../core/index/prepared-upload.js';

export async function* preparedUploads(
  config: Pick<Config, 'CORPUS_DIR' | 'CHUNK_SIZE' | 'CHUNK_OVERLAP'> & LimitSettings,
  onSkip?: (source: string, reason: string) => void,
): AsyncGenerator<PreparedUpload> {
  const store = createFsDocumentStore(resolve(config.CORPUS_DIR));
  const tokenizer = createJiebaTokenizer();
  const limits = parseLimitsOf(config);
  for (const file of await store.list()) {
    try {
      const parsed = await parseDocument(file.source, await store.read(file.source), limits);
      yield toUpload(prepareDocument({ ...file, ...parsed }, tokenizer, { size: config.CHUNK_SIZE, overlap: config.CHUNK_OVERLAP }));
    } catch (e) {
      onSkip?.(file.source, e instanceof Error ? e.message : String(e));
    }
  }
}
