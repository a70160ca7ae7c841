/** @module open-index: loads the persisted index, brings it up to date with the corpus and upload folders, or builds it. */
import { resolve } from 'node:path';
import type { Config } from '../../config.js';
import type { DocumentStore, Embedder, Tokenizer } from '../../core/ports.js';
import { CorpusIndex } from '../../core/index/corpus-index.js';
import { corpusFingerprint, syncCorpus, type SyncResult } from '../../core/index/sync-corpus.js';
import { METADATA_VERSION, type BuildSettings } from '../../core/index/manifest.js';
import { isAppError } from '../../core/errors.js';
import { createEngine, type Engine } from '../../core/engine.js';
import { createCedictDictionary } from '../../adapters/node/cedict-dictionary.js';
import { withGlossary } from '../../core/translate/policy-glossary.js';
import type { TranslationSources } from '../../core/translate/translator.js';
import { foldText } from '../../core/normalize/fold-text.js';
import { withPassagePlaces } from '../../core/citation/with-passage-places.js';
import { createJiebaTokenizer } from '../../adapters/node/jieba-tokenizer.js';
import { createWorkerEmbedder } from '../../adapters/node/worker-embedder.js';
import { createTransformersEmbedder } from '../../adapters/node/transformers-embedder.js';
import { queryPool, tracked } from '../../core/embedder-pool.js';
import { HnswVectorIndex, DEFAULT_HNSW } from '../../adapters/node/hnsw-vector-index.js';
import { FsIndexStore } from '../../adapters/node/fs-index-store.js';
import { createFsDocumentStore, sha256 } from '../../adapters/node/fs-document-store.js';
import { corpusWithUploads } from '../../core/index/uploads.js';
import { checkCorpusDir, checkUploadDir } from './folders.js';
import { createLibrary, type Library } from '../../core/index/library.js';
import { createVocabularyTokenizer } from '../../core/normalize/vocabulary-tokenizer.js';
import { jiebaWords } from '../../adapters/node/jieba-dictionary.js';
import { createWorkerPreparer } from '../../adapters/node/worker-preparer.js';
import { lazyPreparer } from '../../core/ingest/lazy-preparer.js';
import { parseLimitsOf } from '../../adapters/node/parse-limits.js';
import { createProgress } from '../../adapters/node/progress.js';
import type { Logger } from '../../adapters/node/logger.js';
import type { AnswerModel } from '../../core/answer/answer-model.js';

export interface OpenedIndex {
  engine: Engine;
  index: CorpusIndex;
  tokenizer: Tokenizer;
  embedder: Embedder;
  /** What the engine's translator of English questions is built from (undefined with ENGLISH_QUESTIONS=off). */
  translation?: TranslationSources;
  /** The corpus folder's files and the uploaded ones (`uploads/<name>`). */
  documents: DocumentStore;
  store: FsIndexStore;
  settings: BuildSettings;
  /** Re-reads the corpus and upload folders, indexes what changed and persists a new generation if anything did. */
  refresh(): Promise<SyncResult>;
  /** Persists the index as it is now. */
  persist(): Promise<void>;
  /** Run-time document management (upload, delete), persisted after each change. */
  library: Library;
  /** Stops the model workers once the changes under way are done (command-line tools call it when done). */
  close(): Promise<void>;
  /**
   * Stops the model workers now, changes under way or not: each finishes the batch it is running, takes no more, and
   * a change waiting for one fails (a forced shutdown; stopping a worker mid-inference aborts the process).
   */
  stopModels(): Promise<void>;
}

export interface OpenOptions {
  log: Logger;
  /** Show a progress bar while embedding. */
  progress?: boolean;
  /** Rebuild from scratch even when a valid index exists. */
  rebuild?: boolean;
  embedder?: Embedder;
  /** Another answer model than the trained one (training collects features with an untrained one). */
  answerModel?: AnswerModel;
  /**
   * One question, then exit (`npm run ask`): the model runs in this thread instead of two workers, nothing is warmed
   * up, and the word segmenter and the document worker start only if the folders changed since the index was saved.
   */
  oneQuestion?: boolean;
}

export async function openIndex(config: Config, options: OpenOptions): Promise<OpenedIndex> {
  const { log } = options;
  await checkCorpusDir(config.CORPUS_DIR);
  const uploadDir = await checkUploadDir(config);
  // How long each step of opening took, logged once ready (startup time is what users of big corpora notice first).
  const phases: Record<string, number> = {};
  let lapAt = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - lapAt);
    lapAt = now;
  };
  const model = { modelId: config.MODEL_ID, modelsDir: resolve(config.MODELS_DIR) };
  // Two model workers: questions are embedded by one, documents by the other, so questions never wait behind indexing;
  // while no document is being embedded, busy questions borrow the documents' worker. They load the model while this
  // thread loads the word segmenter's dictionary.
  const oneQuestion = options.oneQuestion ?? false;
  const starting: Promise<(Embedder & { close?(): Promise<void> })[]> = options.embedder
    ? Promise.resolve([])
    : oneQuestion
      ? Promise.all([createTransformersEmbedder(model)])
      : Promise.all([createWorkerEmbedder(model), createWorkerEmbedder(model)]);
  // Documents are read and prepared in a worker thread, so that a large one never holds up /healthz or questions; it
  // loads its parsers and segmenter alongside the models.
  const chunking = { size: config.CHUNK_SIZE, overlap: config.CHUNK_OVERLAP };
  const startPreparer = () => createWorkerPreparer({ limits: parseLimitsOf(config), chunking });
  const preparer = oneQuestion ? lazyPreparer(startPreparer) : startPreparer();
  const tokenizer = createJiebaTokenizer();
  // The dictionary loads on first use: now, unless only a question is to be answered (questions are cut into the
  // index's own vocabulary, without the segmenter).
  if (!oneQuestion) tokenizer.tokenize('预热');
  lap('segmenter');
  const workers = await starting;
  lap('models');
  const own = options.embedder ?? (workers.length === 1 ? workers[0] : undefined);
  const [documentModel, questionModel] = (own ? [own, own] : workers).map(tracked);
  const embedder: Embedder = documentModel;
  const queryEmbedder = own ? questionModel : queryPool(questionModel, documentModel);
  const hnsw = { ...DEFAULT_HNSW, efSearch: config.HNSW_EF };
  const store = new FsIndexStore(resolve(config.INDEX_DIR), hnsw);
  const documents = corpusWithUploads(createFsDocumentStore(resolve(config.CORPUS_DIR)), createFsDocumentStore(uploadDir));
  const settings: BuildSettings = {
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    tokenizer: tokenizer.id,
    chunking,
  };
  const fresh = () => new CorpusIndex(HnswVectorIndex.create(embedder.dimensions, hnsw));

  let index: CorpusIndex | undefined;
  // Documents described by an older version of the metadata (no dates, no pages) are described again at the first sync.
  let outdatedMetadata = false;
  if (!options.rebuild) {
    try {
      const loaded = await store.load(settings);
      if (loaded.status === 'ok') {
        index = loaded.index;
        outdatedMetadata = (loaded.manifest.metadata ?? 0) < METADATA_VERSION;
        log.info({ documents: loaded.manifest.documents, chunks: loaded.manifest.chunks }, 'index loaded');
        if (outdatedMetadata) log.warn({ metadata: loaded.manifest.metadata ?? 0, wanted: METADATA_VERSION }, 'documents were described by an older version; describing them again (titles, dates, pages)');
      } else if (loaded.status === 'stale') {
        log.warn({ reasons: loaded.reasons }, 'index was built with other settings; rebuilding');
      } else {
        log.info({ dir: store.dir }, 'no index yet; building');
      }
    } catch (e) {
      if (!isAppError(e)) throw e;
      log.error({ code: e.code, reason: e.message }, 'persisted index refused; rebuilding');
    }
  }
  lap('load');
  const live = index ?? fresh();

  const indexing = { index: live, store: documents, preparer, embedder };

  async function persist(): Promise<void> {
    const listing = live.listDocuments().map((d) => ({ source: d.meta.source, hash: d.meta.hash }));
    await store.save(live, settings, await corpusFingerprint(listing));
  }

  async function refresh(): Promise<SyncResult> {
    const bar = options.progress ? createProgress('embedding') : undefined;
    const started = performance.now();
    const result = await syncCorpus({
      ...indexing,
      batchSize: config.EMBED_BATCH,
      onProgress: (done, total) => total > 0 && bar?.update(done, total),
      onSkip: (source, reason) => log.warn({ source, reason }, 'document skipped'),
      refreshMetadata: outdatedMetadata,
    });
    outdatedMetadata = false;
    bar?.stop();
    const changed = result.added.length > 0 || result.removed.length > 0 || result.redescribed.length > 0 || index === undefined;
    if (changed) {
      await persist();
      log.info(
        {
          added: result.added.length,
          removed: result.removed.length,
          redescribed: result.redescribed.length,
          skipped: result.skipped.length,
          chunks: live.chunkCount,
          ms: Math.round(performance.now() - started),
        },
        'index updated',
      );
    }
    index = live;
    return result;
  }

  await refresh();
  lap('sync');
  // Warm up the word segmenter's dictionary and the query model so that the first question is as fast as the rest.
  if (!oneQuestion) {
    tokenizer.places(tokenizer.tokenize('预热').join(''));
    await queryEmbedder.embed(['预热'], 'query');
  }
  lap('warmup');
  // Questions are cut into the words of jieba's dictionary and of the index and the places its documents name.
  const words = jiebaWords();
  const questionTokenizer = createVocabularyTokenizer(
    (term) => live.documentBm25.df(term) > 0,
    (term) => live.isKnownPlace(term),
    () => live.placeNames(),
    words,
  );
  // English questions: CC-CEDICT and the policy glossary, reduced to the corpus's words as questions cut them.
  const translation: TranslationSources | undefined =
    config.ENGLISH_QUESTIONS === 'on'
      ? {
          dictionary: withGlossary(createCedictDictionary()),
          vocabulary: () => live.chunkBm25.vocabulary(),
          known: (term) => live.documentBm25.df(term) > 0,
          tokenize: (text) => questionTokenizer.tokenize(foldText(text)),
        }
      : undefined;
  // Citations get their document's date and their page from the metadata kept beside the chunks.
  const engine = withPassagePlaces(createEngine({
    tokenizer: questionTokenizer,
    embedder: queryEmbedder,
    corpus: live,
    answerModel: options.answerModel,
    placeNames: () => live.placeNames(),
    ...(translation ? { translation } : {}),
    settings: {
      topK: config.TOP_K,
      minConfidence: config.MIN_CONFIDENCE,
      queryCacheSize: config.QUERY_CACHE_SIZE,
      weights: { keyword: config.WEIGHT_KEYWORD, vector: config.WEIGHT_VECTOR, document: config.WEIGHT_DOCUMENT },
    },
  }), (source) => live.document(source)?.meta);
  const library = createLibrary({
    ...indexing,
    hash: async (bytes) => sha256(bytes),
    persist,
  });
  lap('engine');
  // The English–Chinese dictionary reduced to this corpus's words, before the first English question asks for it.
  if (!oneQuestion) {
    const translation = (await engine.translator())?.stats;
    if (translation) log.info({ translation }, 'english questions ready');
    lap('translation');
  }
  log.info({ phases }, 'index open');
  const stopModels = async () => {
    await Promise.all([...workers.map((w) => w.close?.()), preparer.close()]);
  };
  const close = async () => {
    await library.idle();
    await stopModels();
  };
  return { engine, index: live, tokenizer, embedder, documents, store, settings, refresh, persist, library, close, stopModels, translation };
}
