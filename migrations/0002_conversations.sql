-- The conversation log: every answered or refused question, with its rating. Client identifiers are salted hashes.
-- seq orders entries (newest first in the admin API) and is the pagination cursor; AUTOINCREMENT never reuses one.
CREATE TABLE IF NOT EXISTS conversations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  time INTEGER NOT NULL,
  day TEXT NOT NULL,
  channel TEXT NOT NULL,
  question TEXT NOT NULL,
  question_key TEXT NOT NULL,
  query TEXT NOT NULL,
  answer TEXT NOT NULL,
  found INTEGER NOT NULL,
  sources TEXT NOT NULL DEFAULT '[]',
  latency_ms INTEGER NOT NULL,
  client TEXT,
  rating TEXT CHECK (rating IN ('up', 'down')),
  comment TEXT,
  rated_at INTEGER
);
CREATE INDEX IF NOT EXISTS conversations_time ON conversations(time);
CREATE INDEX IF NOT EXISTS conversations_day ON conversations(day, found);
