/**
 * @module prepared-documents-app: document management where documents arrive already cleaned, chunked and tokenised
 * (Workers, which has no jieba): `npm run push` prepares them on Node and posts them here.
 */
import { Hono } from 'hono';
import type { DocumentRecord } from '../../core/index/library.js';
import type { PreparedUpload } from '../../core/index/prepared-upload.js';
import { AppError } from '../../core/errors.js';
import { adminGuard } from './middleware/admin-guard.js';
import { readJson } from './read-json.js';
import { PreparedUploadSchema } from './schemas.js';

export interface PreparedLibrary {
  list(): Promise<DocumentRecord[]>;
  add(upload: PreparedUpload): Promise<{ record: DocumentRecord; replaced: boolean }>;
  remove(id: string): Promise<DocumentRecord>;
}

export function createPreparedDocumentsApp({ library, adminToken, maxBytes = 50 * 1024 * 1024 }: { library: PreparedLibrary; adminToken?: string; maxBytes?: number }): Hono {
  const app = new Hono();
  const guard = adminGuard(adminToken);
  app.use('/api/documents', guard);
  app.use('/api/documents/*', guard);
  app.get('/api/documents', async (c) => c.json({ documents: await library.list() }));
  app.post('/api/documents', async (c) => {
    if (!/^application\/json/i.test(c.req.header('content-type') ?? '')) {
      throw new AppError('unsupported_media_type', 'Here documents are pushed prepared, as JSON: run `npm run push -- --url <this worker>`.');
    }
    const upload = await readJson(c, PreparedUploadSchema, maxBytes);
    const added = await library.add(upload);
    return c.json(added.record, added.replaced ? 200 : 201);
  });
  app.delete('/api/documents/:id', async (c) => c.json({ deleted: await library.remove(c.req.param('id')) }));
  return app;
}
