/** @module fs-index-store: persists a CorpusIndex as generations under index/, switched atomically via CURRENT. */
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Chunk, DocumentMeta } from '../../core/types.js';
import { AppError } from '../../core/errors.js';
import { CorpusIndex } from '../../core/index/corpus-index.js';
import { INDEX_FORMAT, manifestMismatches, type BuildSettings, type IndexManifest } from '../../core/index/manifest.js';
import { HnswVectorIndex, type HnswOptions, DEFAULT_HNSW } from './hnsw-vector-index.js';
import { fsyncPath, writeFileAtomic, writeFileDurable } from './atomic-write.js';

interface ChunkTable {
  nextId: number;
  documents: DocumentMeta[];
  chunks: Chunk[];
}

const CURRENT = 'CURRENT';
const CHUNKS = 'chunks.json';
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
    let table: ChunkTable;
    try {
      table = JSON.parse(await readFile(join(dir, CHUNKS), 'utf8')) as ChunkTable;
    } catch (cause) {
      throw new AppError('index_corrupt', `index ${gen}: ${CHUNKS} unreadable`, { cause });
    }
    if (table.chunks.length !== manifest.chunks || table.documents.length !== manifest.documents) {
      throw new AppError(
        'index_corrupt',
        `index ${gen}: ${table.chunks.length} chunks / ${table.documents.length} documents, manifest says ${manifest.chunks} / ${manifest.documents}`,
      );
    }
    const vectors = HnswVectorIndex.read(join(dir, VECTORS), manifest.dimensions, table.chunks.map((c) => c.id), this.hnsw);
    if (vectors.storedCount < table.chunks.length) {
      throw new AppError('index_corrupt', `index ${gen}: ${vectors.storedCount} vectors for ${table.chunks.length} chunks`);
    }
    const index = new CorpusIndex(vectors, table.nextId);
    const bySource = new Map<string, Chunk[]>();
    for (const c of table.chunks) {
      let list = bySource.get(c.source);
      if (!list) bySource.set(c.source, (list = []));
      list.push(c);
    }
    for (const meta of table.documents) index.addDocument(meta, bySource.get(meta.source) ?? []);
    return { status: 'ok', index, manifest };
  }

  /** Writes a new generation and switches CURRENT to it; a crash at any point leaves the previous one live. */
  async save(index: CorpusIndex, settings: BuildSettings, corpusFingerprint: string): Promise<IndexManifest> {
    if (!(index.vectors instanceof HnswVectorIndex)) throw new Error('FsIndexStore saves HNSW vector indexes only');
    await mkdir(this.dir, { recursive: true });
    const gen = `gen-${Date.now()}-${process.pid}`;
    const tmp = join(this.dir, `.tmp-${gen}`);
    await mkdir(tmp, { recursive: true });
    const documents = index.listDocuments().map((d) => d.meta);
    const chunks = [...index.allChunks()];
    const table: ChunkTable = { nextId: index.nextId, documents, chunks };
    await writeFileDurable(join(tmp, CHUNKS), JSON.stringify(table));
    index.vectors.write(join(tmp, VECTORS));
    await fsyncPath(join(tmp, VECTORS));
    const files: IndexManifest['files'] = {};
    for (const f of [CHUNKS, VECTORS]) files[f] = { bytes: (await stat(join(tmp, f))).size };
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      ...settings,
      corpusFingerprint,
      documents: documents.length,
      chunks: chunks.length,
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
