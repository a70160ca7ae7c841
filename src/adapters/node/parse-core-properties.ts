/** @module parse-core-properties: the title and creation date an Office package records (docProps/core.xml). */
import type { OoxmlPackage } from './parse-ooxml-package.js';
import { propertyDate, propertyTitle } from '../../core/ingest/document-properties.js';

const CORE_PROPERTIES = /\/core-properties$/;

/** The package's own title and date, where they are worth showing; nothing when it has no core properties. */
export async function coreProperties(pkg: OoxmlPackage): Promise<{ title?: string; date?: string }> {
  const part = [...(await pkg.relationships('')).values()].find((r) => CORE_PROPERTIES.test(r.type))?.target;
  if (!part || !pkg.has(part)) return {};
  const values: Record<string, string> = {};
  let current: string | undefined;
  await pkg.read(part, {
    open(name) {
      current = name === 'title' || name === 'created' ? name : undefined;
      if (current) values[current] = '';
    },
    text(text) {
      if (current) values[current] += text;
    },
    close() {
      current = undefined;
    },
  });
  const title = propertyTitle(values.title);
  const date = propertyDate(values.created?.trim());
  return { ...(title ? { title } : {}), ...(date ? { date } : {}) };
}
