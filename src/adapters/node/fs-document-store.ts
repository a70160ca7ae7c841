/** @module fs-document-store: the corpus as a folder of files (txt, md, html, docx, xlsx, csv, pptx, pdf). */
import { mkdir, readdir, readFile, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { DocumentListing, DocumentStore } from '../../core/ports.js';
import { AppError } from '../../core/errors.js';
import { DOCUMENT_EXTENSIONS } from '../../core/index/document-name.js';
import { writeFileAtomic } from './atomic-write.js';

const LISTING_CONCURRENCY = 64;
/** Where removed documents go, inside the corpus folder. */
export const TRASH = '.trash';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function createFsDocumentStore(root: string): DocumentStore & { root: string; pathOf(source: string): string } {
  const base = resolve(root);

  /** Resolves a corpus-relative name, refusing anything that would leave the corpus folder. */
  function pathOf(source: string): string {
    const full = resolve(base, source);
    if (!full.startsWith(base + sep)) throw new AppError('bad_request', `invalid document name: ${source}`);
    return full;
  }

  async function* walk(dir: string): AsyncGenerator<string> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) yield* walk(full);
      else if (entry.isFile() && DOCUMENT_EXTENSIONS.some((e) => entry.name.toLowerCase().endsWith(e))) yield full;
    }
  }

  return {
    root: base,
    pathOf,
    async list(known) {
      const describe = async (full: string): Promise<DocumentListing> => {
        const source = relative(base, full).split(sep).join('/');
        // One system call, without a trip through the thread pool: a hundred thousand files take a fraction of a second.
        const info = statSync(full);
        const modifiedAt = Math.floor(info.mtimeMs);
        const before = known?.get(source);
        if (before && before.bytes === info.size && before.modifiedAt === modifiedAt) {
          return { source, hash: before.hash, bytes: info.size, modifiedAt };
        }
        const bytes = await readFile(full);
        return { source, hash: sha256(bytes), bytes: bytes.length, modifiedAt };
      };
      // A hundred thousand files are looked at LISTING_CONCURRENCY at a time, not one after another.
      const out: DocumentListing[] = [];
      let batch: string[] = [];
      for await (const full of walk(base)) {
        batch.push(full);
        if (batch.length === LISTING_CONCURRENCY) {
          out.push(...(await Promise.all(batch.map(describe))));
          batch = [];
        }
      }
      out.push(...(await Promise.all(batch.map(describe))));
      return out.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    },
    async read(source) {
      return new Uint8Array(await readFile(pathOf(source)));
    },
    async write(source, bytes) {
      await writeFileAtomic(pathOf(source), bytes);
    },
    async remove(source, options) {
      const nothing = async () => undefined;
      const full = pathOf(source);
      if (!(await stat(full).catch(() => undefined))?.isFile()) return nothing;
      if (options?.discard) {
        await unlink(full);
        return nothing;
      }
      // Into the trash, not gone: a deletion through the API can be undone by hand. The trash is a dot-folder of the
      // corpus (never listed, same file system, so the move is a rename, and so is the move back).
      const trash = join(base, TRASH);
      const trashed = join(trash, new Date().toISOString().replace(/[:.]/g, '-'), source);
      await mkdir(dirname(trashed), { recursive: true });
      await rename(full, trashed);
      return async () => {
        await rename(trashed, full);
        // The folders made for it go too, as far as they are empty.
        for (let dir = dirname(trashed); dir.startsWith(trash); dir = dirname(dir)) {
          if (!(await rmdir(dir).then(() => true, () => false))) break;
        }
      };
    },
  };
}
