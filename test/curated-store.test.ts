import { afterAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { openSqliteDatabase } from '../src/adapters/node/sqlite-database.js';
import { createSqliteCuratedStore } from '../src/adapters/node/sqlite-curated-store.js';
import { createD1CuratedStore } from '../src/adapters/workers/d1-curated-store.js';
import type { D1Database } from '../src/adapters/workers/bindings.js';
import { curatedStoreContract } from './support/curated-store-contract.js';
import { tempDir } from './support/open-test-index.js';

curatedStoreContract('SQLite (better-sqlite3)', async () => createSqliteCuratedStore(openSqliteDatabase(join(await tempDir('zhida-qa-store-'), 'zhida.db'))));

// A real local D1 in workerd, with the migration the Worker's database gets; emptied before each test.
let mf: Miniflare | undefined;
async function d1(): Promise<D1Database> {
  if (!mf) {
    mf = new Miniflare({ modules: true, script: 'export default { fetch() { return new Response(null) } }', compatibilityDate: '2025-01-01', d1Databases: ['DB'] });
    const db = await mf.getD1Database('DB');
    const migration = await readFile(join(import.meta.dirname, '../migrations/0003_curated_answers.sql'), 'utf8');
    for (const statement of migration.replace(/--.*$/gm, '').split(';').map((s) => s.trim()).filter(Boolean)) await db.prepare(statement).run();
  }
  const db = (await mf.getD1Database('DB')) as unknown as D1Database;
  await db.prepare('DELETE FROM curated_answers').run();
  return db;
}
afterAll(() => mf?.dispose());

curatedStoreContract('D1 (workerd)', async () => createD1CuratedStore(await d1()));
