/** @module fs-index-store: persists a CorpusIndex as generations under index/, switched atomically via CURRENT. */
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { close as closeFd, closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { ChunkTable } from '../../core/index/chunk-table.js';
import { layoutOf, type ByteSource } from '../../core/index/binary-pack.js';
import { Bm25Index } from '../../core/retrieve/bm25-index.js';
import { join } from 'node:path';
import { AppError, isAppError } from '../../core/errors.js';
import { CorpusIndex } from '../../core/index/corpus-index.js';
import { INDEX_FORMAT, METADATA_VERSION, manifestMismatches, type BuildSettings, type IndexManifest } from '../../core/index/manifest.js';
import { HnswVectorIndex, type HnswOptions, type VectorFiles, DEFAULT_HNSW } from './hnsw-vector-index.js';
import { writeCompactGraph } from './hnsw-file.js';
import { fsyncPath, writeFileAtomic, writeFileDurable, writePartsDurable } from './atomic-write.js';

const CURRENT = 'CURRENT';
const DOCUMENTS = 'documents.json';
const CHUNKS = 'chunks.bin';
const CHUNK_BM25 = 'chunk-bm25.bin';
const DOCUMENT_BM25 = 'document-bm25.bin';
const VECTORS = 'vectors.hnsw';
const GRAPH = 'vectors.graph';
const ADDED = 'vectors-added.hnsw';
const MANIFEST = 'manifest.json';

export type LoadResult =
  | { status: 'missing' }
  | { status: 'stale'; reasons: string[]; manifest: IndexManifest }
  | { status: 'ok'; index: CorpusIndex; manifest: IndexManifest };

/**
 * A packed file open for reading. `close` runs in libuv's thread pool: closing the last descriptor of a file whose
 * generation folder was already removed frees its blocks, which took about 0.1 s per 300 MB on an idle disk, and more
 * while an upload's new generation is being written.
 */
type FileSource = ByteSource & { size: number; close(): Promise<void> };

const CHECK_BLOCK = 4 << 20;

/** CRC-32 of a whole file, read in blocks, as 8 hex digits. */
async function fileCrc32(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const block = Buffer.allocUnsafe(CHECK_BLOCK);
    let crc = 0;
    for (;;) {
      const { bytesRead } = await handle.read(block, 0, block.length, null);
      if (!bytesRead) break;
      crc = crc32(block.subarray(0, bytesRead), crc);
    }
    return crc.toString(16).padStart(8, '0');
  } finally {
    await handle.close();
  }
}

/** A packed file read on demand (open while the index reads from it; `close` once it has moved to newer files). */
function fileSource(path: string): FileSource {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    close: () => new Promise<void>((resolve) => closeFd(fd, () => resolve())),
    bytes(start, end) {
      const out = Buffer.allocUnsafe(Math.max(0, Math.min(end, size) - start));
      for (let at = 0; at < out.length; ) {
        const n = readSync(fd, out, at, out.length - at, start + at);
        if (n === 0) break;
        at += n;
      }
      return out;
    },
  };
}

/** The chunk table with its arrays read now and its texts read from the file when a question needs them. */
function openChunkTable(file: FileSource): ChunkTable {
  const { end } = layoutOf(file, 'chunks');
  const head = file.bytes(0, end);
  if (head.length < end) throw new AppError('index_corrupt', 'chunks: arrays cut short');
  return ChunkTable.fromParts(head, { bytes: (start, stop) => file.bytes(end + start, end + stop) }, file.size - end, 'chunks');
}

const vectorFiles = (dir: string, hasAdded = false): VectorFiles => ({
  vectors: join(dir, VECTORS),
  graph: join(dir, GRAPH),
  added: join(dir, ADDED),
  hasAdded,
});

/** How long files an index has moved away from stay open: questions begun before the move may still read them. */
const RETIRE_AFTER_MS = 60_000;

export class FsIndexStore {
  /** Files of the generation the live index reads its chunk texts and postings from. */
  private sources: FileSource[] = [];
  /** The closing of retired files when it is not delayed (`retireAfterMs` 0), awaited by the save that retired them. */
  private closing: Promise<void> = Promise.resolve();
  /**
   * Checksums of the live generation's files by inode, size and time: a save that links a file unchanged (the vectors,
   * after an upload) does not read it again.
   */
  private checksums = new Map<string, string>();

  private async checksum(path: string, known: Map<string, string>): Promise<string> {
    const info = await stat(path);
    const key = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
    const crc = this.checksums.get(key) ?? (await fileCrc32(path));
    known.set(key, crc);
    return crc;
  }

  constructor(
    readonly dir: string,
    private readonly hnsw: HnswOptions = DEFAULT_HNSW,
    private readonly retireAfterMs = RETIRE_AFTER_MS,
  ) {}

  /** The packed chunks and BM25 indexes of a generation folder, read on demand from files kept open. */
  private openPacked(dir: string): { chunks: ChunkTable; chunkBm25: Bm25Index; documentBm25: Bm25Index } {
    const opened: FileSource[] = [];
    const open = (name: string) => {
      const file = fileSource(join(dir, name));
      opened.push(file);
      return file;
    };
    try {
      const packed = {
        chunks: openChunkTable(open(CHUNKS)),
        chunkBm25: Bm25Index.fromSource(open(CHUNK_BM25), 'chunk BM25'),
        documentBm25: Bm25Index.fromSource(open(DOCUMENT_BM25), 'document BM25'),
      };
      this.retire();
      this.sources = opened;
      return packed;
    } catch (error) {
      for (const file of opened) void file.close();
      throw error;
    }
  }

  /** Closes the files the index read before, once questions that began with them are done. */
  private retire(): void {
    const retired = this.sources;
    this.sources = [];
    if (!retired.length) return;
    const close = () => Promise.all(retired.map((file) => file.close())).then(() => undefined);
    if (this.retireAfterMs <= 0) this.closing = close();
    else setTimeout(close, this.retireAfterMs).unref();
  }

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
    let manifest = await this.readManifest();
    if (!manifest) return { status: 'missing' };
    if (manifest.format === 2 && manifestMismatches({ ...manifest, format: INDEX_FORMAT }, wanted).length === 0) {
      manifest = await this.upgradeFrom2(gen, manifest);
    }
    const reasons = manifestMismatches(manifest, wanted);
    if (reasons.length) return { status: 'stale', reasons, manifest };
    const dir = join(this.dir, gen);
    const known = new Map<string, string>();
    for (const [file, { bytes, crc32: expected }] of Object.entries(manifest.files)) {
      const size = (await stat(join(dir, file)).catch(() => undefined))?.size;
      if (size !== bytes) {
        throw new AppError('index_corrupt', `index ${gen}: ${file} is ${size ?? 'missing'} bytes, manifest says ${bytes}`);
      }
      // Every byte is checked before any is served: a damaged file of the right size is refused, and rebuilt.
      if (expected !== undefined) {
        const actual = await this.checksum(join(dir, file), known);
        if (actual !== expected) throw new AppError('index_corrupt', `index ${gen}: ${file} is damaged (CRC-32 ${actual}, manifest says ${expected})`);
      }
    }
    this.checksums = known;
    let index: CorpusIndex;
    try {
      // Only the graph, the documents and the small arrays are read now; chunk texts and BM25 postings stay in their
      // files and are read when a question needs them (the page cache keeps the busy ones), so a million-chunk index
      // starts in seconds and costs little more than its graph in memory.
      const vectors = await HnswVectorIndex.open(vectorFiles(dir, ADDED in manifest.files), manifest.dimensions, this.hnsw);
      const files = { documents: readFileSync(join(dir, DOCUMENTS), 'utf8'), ...this.openPacked(dir) };
      index = CorpusIndex.restore(files, (ids) => {
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
    const gen = newGeneration();
    const tmp = join(this.dir, `.tmp-${gen}`);
    let manifest: IndexManifest;
    let hasAdded: boolean;
    const known = new Map<string, string>();
    try {
      await mkdir(tmp, { recursive: true });
      const parts = await index.toParts();
      await writePartsDurable(join(tmp, DOCUMENTS), parts.documents);
      await writePartsDurable(join(tmp, CHUNKS), parts.chunks);
      await writePartsDurable(join(tmp, CHUNK_BM25), parts.chunkBm25);
      await writePartsDurable(join(tmp, DOCUMENT_BM25), parts.documentBm25);
      hasAdded = await index.vectors.write(vectorFiles(tmp));
      const vectorNames = [VECTORS, GRAPH, ...(hasAdded ? [ADDED] : [])];
      for (const f of vectorNames) await fsyncPath(join(tmp, f));
      const written = [DOCUMENTS, CHUNKS, CHUNK_BM25, DOCUMENT_BM25, ...vectorNames];
      const files: IndexManifest['files'] = {};
      for (const f of written) files[f] = { bytes: (await stat(join(tmp, f))).size, crc32: await this.checksum(join(tmp, f), known) };
      manifest = {
        format: INDEX_FORMAT,
        metadata: METADATA_VERSION,
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
    } catch (error) {
      // A failed save (a full disk) leaves no half-written generation behind; the live one is untouched.
      await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
    await writeFileAtomic(join(this.dir, CURRENT), gen);
    this.checksums = known;
    // The index reads from the files just written (the folder of those read before is removed next; the files stay
    // open until questions begun before are done, so the disk space of replaced generations comes back).
    index.vectors.adopt(vectorFiles(join(this.dir, gen), hasAdded));
    index.adoptPacked(this.openPacked(join(this.dir, gen)));
    await this.closing;
    // The new generation is live: failing to remove old ones must not report the save as failed (the next save retries).
    await this.prune(gen).catch(() => undefined);
    return manifest;
  }

  /**
   * A format-2 generation lacks the compact vector graph: it is derived from the hnswlib file (20 s at a million
   * chunks, instead of re-embedding the corpus) and added to the generation, the manifest last.
   */
  private async upgradeFrom2(gen: string, manifest: IndexManifest): Promise<IndexManifest> {
    const dir = join(this.dir, gen);
    const files = vectorFiles(dir);
    const dimensions = manifest.dimensions;
    try {
      await writeCompactGraph(files.vectors, `${files.graph}.tmp`, dimensions);
    } catch (cause) {
      if (isAppError(cause)) throw new AppError('index_corrupt', `index ${gen}: ${cause.message}`, { cause });
      throw cause;
    }
    await rename(`${files.graph}.tmp`, files.graph);
    const upgraded: IndexManifest = {
      ...manifest,
      format: INDEX_FORMAT,
      files: { ...manifest.files, [GRAPH]: { bytes: (await stat(files.graph)).size } },
    };
    await writeFileAtomic(join(dir, MANIFEST), JSON.stringify(upgraded, null, 2));
    return upgraded;
  }

  /**
   * Removes generations and leftovers of interrupted builds other than `keep` and the one CURRENT names. Several
   * processes may write one index folder (`npm run index` while the server runs, two evaluations of one corpus): a
   * generation another running process wrote, or is writing, is that process's to remove, or it would fail halfway
   * through its save, or switch CURRENT to a folder already gone.
   */
  private async prune(keep: string): Promise<void> {
    const current = await this.currentGeneration();
    for (const name of await readdir(this.dir)) {
      if (!(name.startsWith('gen-') || name.startsWith('.tmp-gen-')) || name === keep || name === current) continue;
      const writer = writerOf(name);
      if (writer !== process.pid && isRunning(writer)) continue;
      await rm(join(this.dir, name), { recursive: true, force: true });
    }
  }
}

/** A new generation's name: when and by which process it was written. */
const newGeneration = () => `gen-${Date.now()}-${process.pid}`;

/** The process that wrote a generation, by its name (`newGeneration`); NaN for names of another form. */
const writerOf = (name: string) => Number(name.slice(name.lastIndexOf('-') + 1));

/** Whether a process of this machine runs under that id (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
