-- Curated answers (问答对): a question an admin answered by hand, served verbatim to the questions that ask the same.
CREATE TABLE IF NOT EXISTS curated_answers (
  id TEXT PRIMARY KEY,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  source TEXT,
  updated INTEGER NOT NULL
);
