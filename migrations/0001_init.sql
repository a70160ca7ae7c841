-- Documents, chunks and the keyword index (postings of the same search tokens the Node index uses).
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  source TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  title TEXT NOT NULL,
  date TEXT,
  place TEXT,
  places TEXT NOT NULL DEFAULT '[]',
  indexed_at INTEGER NOT NULL,
  token_count INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_hash ON documents(hash);
CREATE TABLE IF NOT EXISTS chunks (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  ord INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  heading TEXT,
  text TEXT NOT NULL,
  token_count INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source, ord);
CREATE TABLE IF NOT EXISTS postings (term TEXT NOT NULL, chunk_id INTEGER NOT NULL, tf INTEGER NOT NULL, PRIMARY KEY (term, chunk_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS postings_chunk ON postings(chunk_id);
CREATE TABLE IF NOT EXISTS doc_terms (term TEXT NOT NULL, source TEXT NOT NULL, tf INTEGER NOT NULL, PRIMARY KEY (term, source)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_terms_source ON doc_terms(source);
-- Small durable state: WeChat delivery keys.
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
