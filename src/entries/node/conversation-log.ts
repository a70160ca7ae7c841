/**
 * @module conversation-log: the conversation log wired for Node: SQLite in DATA_DIR, the client salt beside it,
 * retention applied at start and hourly. A log that cannot be opened is reported (logs, /metrics) and the server
 * answers without it.
 */
import { join, resolve } from 'node:path';
import type { Config } from '../../config.js';
import type { Logger, Metrics } from '../../core/observability.js';
import { createAnswerLog, type AnswerLog } from '../../core/conversation/answer-log.js';
import { createClientHasher } from '../../core/conversation/client-hasher.js';
import { loadClientSalt } from '../../adapters/node/client-salt.js';
import { openSqliteDatabase } from '../../adapters/node/sqlite-database.js';
import { createSqliteConversationStore } from '../../adapters/node/sqlite-conversation-store.js';

const PURGE_EVERY_MS = 3_600_000;

export const DATABASE_FILE = 'zhida.db';
export const SALT_FILE = 'client-salt';

export async function openConversationLog(
  config: Pick<Config, 'DATA_DIR' | 'LOG_RETENTION_DAYS' | 'TIMEZONE'>,
  { logger, metrics }: { logger: Logger; metrics?: Metrics },
): Promise<AnswerLog> {
  const settings = { timeZone: config.TIMEZONE, retentionDays: config.LOG_RETENTION_DAYS, logger, metrics };
  const dir = resolve(config.DATA_DIR);
  let log: AnswerLog;
  try {
    const salt = await loadClientSalt(join(dir, SALT_FILE));
    const store = createSqliteConversationStore(openSqliteDatabase(join(dir, DATABASE_FILE)));
    log = createAnswerLog({ ...settings, store, hashClient: createClientHasher(salt) });
  } catch (err) {
    metrics?.logStoreError('open');
    logger.error({ err, dataDir: dir }, 'the conversation log could not be opened (DATA_DIR); answering without it');
    return createAnswerLog(settings);
  }
  await log.purge();
  const timer = setInterval(() => void log.purge(), PURGE_EVERY_MS);
  timer.unref();
  const close = log.close;
  return {
    ...log,
    close: () => {
      clearInterval(timer);
      return close();
    },
  };
}
