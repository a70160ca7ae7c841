/** @module fs-document-store: the corpus as a folder of files (txt, md, html, docx, pdf). */
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import type { DocumentListing, DocumentStore } from '../../core/ports.js';
import { AppError } from '../../core/errors.js';
import { DOCUMENT_EXTENSIONS } from '../../core/index/document-name.js';
import { writeFileAtomic } from './atomic-write.js';


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
      const out: DocumentListing[] = [];
      for await (const full of walk(base)) {
        const source = relative(base, full).split(sep).join('/');
        const info = await stat(full);
        const modifiedAt = Math.floor(info.mtimeMs);
        const before = known?.get(source);
        if (before && before.bytes === info.size && before.modifiedAt === modifiedAt) {
          out.push({ source, hash: before.hash, bytes: info.size, modifiedAt });
          continue;
        }
        const bytes = await readFile(full);
        out.push({ source, hash: sha256(bytes), bytes: bytes.length, modifiedAt });
      }
      return out.sort((a, b) => a.source.localeCompare(b.source));
    },
    async read(source) {
      return new Uint8Array(await readFile(pathOf(source)));
    },
    async write(source, bytes) {
      await writeFileAtomic(pathOf(source), bytes);
    },
    async remove(source) {
      const full = pathOf(source);
      if ((await stat(full).catch(() => undefined))?.isFile()) await unlink(full);
    },
  };
}
