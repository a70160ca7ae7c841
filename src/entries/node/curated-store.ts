/**
 * @module curated-store: the curated answers' store wired for Node: the table in DATA_DIR's SQLite database (its own
 * connection beside the conversation log's). A store that cannot be opened is reported and the server answers without
 * curated answers (their admin routes answer 404).
 */
import { join, resolve } from 'node:path';
import type { Config } from '../../config.js';
import type { Logger } from '../../core/observability.js';
import type { CuratedStore } from '../../core/curated/curated-store.js';
import { openSqliteDatabase } from '../../adapters/node/sqlite-database.js';
import { createSqliteCuratedStore } from '../../adapters/node/sqlite-curated-store.js';
import { DATABASE_FILE } from './conversation-log.js';

export function openCuratedStore(config: Pick<Config, 'DATA_DIR'>, logger: Logger): { store: CuratedStore; close(): void } | undefined {
  const dir = resolve(config.DATA_DIR);
  try {
    const db = openSqliteDatabase(join(dir, DATABASE_FILE));
    return { store: createSqliteCuratedStore(db), close: () => db.open && db.close() };
  } catch (err) {
    logger.error({ err, dataDir: dir }, 'the curated answers could not be opened (DATA_DIR); answering without them');
    return undefined;
  }
}
