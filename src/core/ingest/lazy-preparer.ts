/**
 * @module lazy-preparer: a DocumentPreparer started on first use, so that a command that finds nothing to prepare (one
 * question over an index that is up to date) never pays for starting it.
 */
import type { DocumentPreparer } from '../ports.js';

export function lazyPreparer(start: () => DocumentPreparer & { close(): Promise<void> }): DocumentPreparer & { close(): Promise<void> } {
  let started: (DocumentPreparer & { close(): Promise<void> }) | undefined;
  return {
    prepare: (file, options) => (started ??= start()).prepare(file, options),
    close: async () => started?.close(),
  };
}
