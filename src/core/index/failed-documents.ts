/** @module failed-documents: the corpus files that could not be indexed, with why, for the document listing. */

export interface FailedDocument {
  source: string;
  bytes: number;
  reason: string;
}

/** Not persisted: a file that failed is not in the index, so every sync reads it again and records it afresh. */
export class FailedDocuments {
  private readonly bySource = new Map<string, FailedDocument>();

  /** Replaces the record with the failures of one pass over the whole corpus. */
  replace(failures: FailedDocument[]): void {
    this.bySource.clear();
    for (const f of failures) this.bySource.set(f.source, f);
  }

  /** Forgets a file, once a readable version of it is indexed. */
  delete(source: string): void {
    this.bySource.delete(source);
  }

  list(): FailedDocument[] {
    return [...this.bySource.values()].sort((a, b) => a.source.localeCompare(b.source));
  }
}
