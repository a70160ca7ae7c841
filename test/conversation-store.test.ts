import { join } from 'node:path';
import { openSqliteDatabase } from '../src/adapters/node/sqlite-database.js';
import { createSqliteConversationStore } from '../src/adapters/node/sqlite-conversation-store.js';
import { conversationStoreContract } from './support/conversation-store-contract.js';
import { tempDir } from './support/open-test-index.js';

conversationStoreContract('SQLite (better-sqlite3)', async () => createSqliteConversationStore(openSqliteDatabase(join(await tempDir('zhida-store-'), 'zhida.db'))));
