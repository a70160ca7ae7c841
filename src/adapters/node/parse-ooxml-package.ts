/** @module parse-ooxml-package: the parts of an Office Open XML package (xlsx, pptx), streamed through an XML parser under the parse limits. */
import { posix } from 'node:path';
import { Parser } from 'htmlparser2';
import type { Entry } from 'yauzl';
import { AppError } from '../../core/errors.js';
import type { ParseBudget, ParseLimits } from './parse-limits.js';
import { inflateAsDeclared, readZipDirectory } from './zip-limits.js';

/** Element names without their namespace prefix (`x:c` and `c` alike); attributes as written. */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

export interface Relationship {
  /** The part it points to, as a path inside the package. */
  target: string;
  type: string;
}

export interface OoxmlPackage {
  has(part: string): boolean;
  /** Streams a part through `handlers`, checking the deadline between inflated chunks. */
  read(part: string, handlers: XmlHandlers): Promise<void>;
  /** A part's relationships by id (from `_rels/<name>.rels` beside it); empty when it has none. */
  relationships(part: string): Promise<Map<string, Relationship>>;
  /** The main part (`xl/workbook.xml`, `ppt/presentation.xml`), from the package's own relationships. */
  mainPart(): Promise<string>;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

const localName = (name: string) => name.slice(name.lastIndexOf(':') + 1);

/** The relationship an element points to (`r:id`, whatever the prefix; a plain `id` is something else). */
export function relationshipId(attributes: Record<string, string>): string | undefined {
  const key = Object.keys(attributes).find((k) => k.endsWith(':id'));
  return key === undefined ? undefined : attributes[key];
}

/** Opens the package once its zip directory has passed the caps; each part is then inflated only when read. */
export async function openOoxmlPackage(source: string, bytes: Uint8Array, limits: ParseLimits, budget: ParseBudget): Promise<OoxmlPackage> {
  const { zip, entries } = await readZipDirectory(source, bytes, limits);
  // Part names are case-insensitive (ECMA-376 part 2).
  const parts = new Map<string, Entry>(entries.map((e) => [e.fileName.toLowerCase(), e]));
  const entryOf = (part: string) => parts.get(part.replace(/^\//, '').toLowerCase());

  const read = async (part: string, handlers: XmlHandlers) => {
    const entry = entryOf(part);
    if (!entry) throw new AppError('document_unreadable', `${source}: the part ${part} is missing.`);
    await streamXml(inflateAsDeclared(source, zip, entry), handlers, budget);
  };

  const relationships = async (part: string) => {
    const rels = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
    const out = new Map<string, Relationship>();
    if (!entryOf(rels)) return out;
    await read(rels, {
      open(name, a) {
        if (name !== 'Relationship' || a.TargetMode === 'External' || !a.Id || !a.Target) return;
        const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.join(posix.dirname(part), a.Target);
        out.set(a.Id, { target: posix.normalize(target), type: a.Type ?? '' });
      },
    });
    return out;
  };

  return {
    has: (part) => entryOf(part) !== undefined,
    read,
    relationships,
    async mainPart() {
      const main = [...(await relationships('')).values()].find((r) => OFFICE_DOCUMENT.test(r.type));
      if (!main) throw new AppError('document_unreadable', `${source}: not an Office Open XML package (no main part).`);
      return main.target;
    },
  };
}

/** Feeds inflated chunks to a streaming XML parser: memory stays with what the handlers keep, not the part's size. */
async function streamXml(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers, budget: ParseBudget): Promise<void> {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handlers.open?.(localName(name), attributes),
      ontext: (text) => handlers.text?.(text),
      onclosetag: (name) => handlers.close?.(localName(name)),
    },
    { xmlMode: true, decodeEntities: true },
  );
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    budget.checkTime();
    parser.write(decoder.decode(chunk, { stream: true }));
  }
  parser.end(decoder.decode());
}
