/** @module fs-index-store: persists a CorpusIndex as generations under index/, switched atomically via CURRENT. */
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError } from '../../core/errors.js';
import { CorpusIndex } from '../../core/index/corpus-index.js';
import { INDEX_FORMAT, manifestMismatches, type BuildSettings, type IndexManifest } from '../../core/index/manifest.js';
import { HnswVectorIndex, type HnswOptions, DEFAULT_HNSW } from './hnsw-vector-index.js';
import { fsyncPath, writeFileAtomic, writeFileDurable, writePartsDurable } from './atomic-write.js';

const CURRENT = 'CURRENT';
const DOCUMENTS = 'documents.json';
const CHUNKS = 'chunks.bin';
const CHUNK_BM25 = 'chunk-bm25.bin';
const DOCUMENT_BM25 = 'document-bm25.bin';
const VECTORS = 'vectors.hnsw';
const MANIFEST = 'manifest.json';

export type LoadResult =
  | { status: 'missing' }
  | { status: 'stale'; reasons: string[]; manifest: IndexManifest }
  | { status: 'ok'; index: CorpusIndex; manifest: IndexManifest };

export class FsIndexStore {
  constructor(
    readonly dir: string,
    private readonly hnsw: HnswOptions = DEFAULT_HNSW,
  ) {}

  private async currentGeneration(): Promise<string | undefined> {
    const name = (await readFile(join(this.dir, CURRENT), 'utf8').catch(() => ''))?.trim();
    return name || undefined;
  }

  async readManifest(): Promise<IndexManifest | undefined> {
    const gen = await this.currentGeneration();
    if (!gen) return undefined;
    try {
      return JSON.parse(await readFile(join(this.dir, gen, MANIFEST), 'utf8')) as IndexManifest;
    } catch (cause) {
      throw new AppError('index_corrupt', `index ${gen}: manifest unreadable`, { cause });
    }
  }

  /**
   * Loads the live generation. Settings that differ give `stale` (the caller rebuilds); files that disagree with
   * their manifest throw `index_corrupt` with the reason.
   */
  async load(wanted: BuildSettings): Promise<LoadResult> {
    const gen = await this.currentGeneration();
    if (!gen) return { status: 'missing' };
    const manifest = await this.readManifest();
    if (!manifest) return { status: 'missing' };
    const reasons = manifestMismatches(manifest, wanted);
    if (reasons.length) return { status: 'stale', reasons, manifest };
    const dir = join(this.dir, gen);
    for (const [file, { bytes }] of Object.entries(manifest.files)) {
      const size = (await stat(join(dir, file)).catch(() => undefined))?.size;
      if (size !== bytes) {
        throw new AppError('index_corrupt', `index ${gen}: ${file} is ${size ?? 'missing'} bytes, manifest says ${bytes}`);
      }
    }
    let index: CorpusIndex;
    try {
      // The graph is read on a libuv thread while this one reads and unpacks the rest.
      const [vectors, documents, chunks, chunkBm25, documentBm25] = await Promise.all([
        HnswVectorIndex.read(join(dir, VECTORS), manifest.dimensions, this.hnsw),
        readFile(join(dir, DOCUMENTS), 'utf8'),
        readFile(join(dir, CHUNKS)),
        readFile(join(dir, CHUNK_BM25)),
        readFile(join(dir, DOCUMENT_BM25)),
      ]);
      index = CorpusIndex.restore({ documents, chunks, chunkBm25, documentBm25 }, (ids) => {
        vectors.setLive(ids);
        if (vectors.storedCount < ids.length) {
          throw new AppError('index_corrupt', `${vectors.storedCount} vectors for ${ids.length} chunks`);
        }
        return vectors;
      });
    } catch (cause) {
      if (isAppError(cause)) throw new AppError('index_corrupt', `index ${gen}: ${cause.message}`, { cause });
      throw new AppError('index_corrupt', `index ${gen}: unreadable (${cause instanceof Error ? cause.message : cause})`, { cause });
    }
    const counts = { chunks: index.chunkCount, documents: index.listDocuments().length };
    if (counts.chunks !== manifest.chunks || counts.documents !== manifest.documents) {
      throw new AppError(
        'index_corrupt',
        `index ${gen}: ${counts.chunks} chunks / ${counts.documents} documents, manifest says ${manifest.chunks} / ${manifest.documents}`,
      );
    }
    return { status: 'ok', index, manifest };
  }

  /** Writes a new generation and switches CURRENT to it; a crash at any point leaves the previous one live. */
  async save(index: CorpusIndex, settings: BuildSettings, corpusFingerprint: string): Promise<IndexManifest> {
    if (!(index.vectors instanceof HnswVectorIndex)) throw new Error('FsIndexStore saves HNSW vector indexes only');
    await mkdir(this.dir, { recursive: true });
    const gen = `gen-${Date.now()}-${process.pid}`;
    const tmp = join(this.dir, `.tmp-${gen}`);
    await mkdir(tmp, { recursive: true });
    const parts = index.toParts();
    await writeFileDurable(join(tmp, DOCUMENTS), parts.documents);
    await writePartsDurable(join(tmp, CHUNKS), parts.chunks);
    await writePartsDurable(join(tmp, CHUNK_BM25), parts.chunkBm25);
    await writePartsDurable(join(tmp, DOCUMENT_BM25), parts.documentBm25);
    index.vectors.write(join(tmp, VECTORS));
    await fsyncPath(join(tmp, VECTORS));
    const files: IndexManifest['files'] = {};
    for (const f of [DOCUMENTS, CHUNKS, CHUNK_BM25, DOCUMENT_BM25, VECTORS]) files[f] = { bytes: (await stat(join(tmp, f))).size };
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      ...settings,
      corpusFingerprint,
      documents: index.listDocuments().length,
      chunks: index.chunkCount,
      createdAt: new Date().toISOString(),
      files,
    };
    await writeFileDurable(join(tmp, MANIFEST), JSON.stringify(manifest, null, 2));
    await fsyncPath(tmp);
    await rename(tmp, join(this.dir, gen));
    await fsyncPath(this.dir);
    await writeFileAtomic(join(this.dir, CURRENT), gen);
    await this.prune(gen);
    return manifest;
  }

  /** Removes generations and leftovers of interrupted builds other than `keep`. */
  private async prune(keep: string): Promise<void> {
    for (const name of await readdir(this.dir)) {
      if ((name.startsWith('gen-') || name.startsWith('.tmp-gen-')) && name !== keep) {
        await rm(join(this.dir, name), { recursive: true, force: true });
      }
    }
  }
}
