/** @module documents-app: document management behind `Authorization: Bearer $ADMIN_TOKEN` (off when no token is set). */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Library } from '../../core/index/library.js';
import { AppError } from '../../core/errors.js';
import { adminGuard } from './middleware/admin-guard.js';
import { deadline, requestSignal } from './middleware/deadline.js';
import { readJson } from './read-json.js';
import { DocumentUpload } from './schemas.js';

export interface DocumentsDeps {
  library: () => Library | undefined;
  adminToken?: string;
  maxUploadBytes?: number;
  /** Time to read, index and store an upload; past it the upload is undone and answered 503 `upload_timeout`. */
  uploadTimeoutMs?: number;
}

export function createDocumentsApp({ library, adminToken, maxUploadBytes = 20 * 1024 * 1024, uploadTimeoutMs = 30 * 60_000 }: DocumentsDeps): Hono {
  const app = new Hono();

  const guard = adminGuard(adminToken);
  app.use('/api/documents', guard);
  app.use('/api/documents/*', guard);
  const ready = (): Library => {
    const l = library();
    if (!l) throw new AppError('not_ready', 'The index is still being built; try again shortly.');
    return l;
  };

  app.get('/api/documents', (c) => {
    const l = ready();
    return c.json({ documents: l.list(), failed: l.failed() });
  });

  app.post(
    '/api/documents',
    // The answer waits until a stopped upload has been undone, so that a client told it failed finds nothing of it.
    deadline(uploadTimeoutMs, {
      settle: true,
      error: (ms) => new AppError('upload_timeout', `The upload was not read, indexed and stored within ${ms} ms (UPLOAD_TIMEOUT_MS); nothing was stored.`),
    }),
    bodyLimit({
      maxSize: maxUploadBytes,
      onError: () => {
        throw new AppError('payload_too_large', `Uploads are limited to ${maxUploadBytes} bytes.`);
      },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      let added;
      if (/^multipart\/form-data/i.test(type)) {
        let form: FormData;
        try {
          form = await c.req.raw.formData();
        } catch {
          throw new AppError('bad_request', 'The multipart body could not be read.');
        }
        const file = form.get('file');
        if (!(file instanceof File)) throw new AppError('bad_request', 'file: attach the document as the form field "file".');
        added = await ready().add(file.name, new Uint8Array(await file.arrayBuffer()), undefined, { signal: requestSignal(c) });
      } else if (/^application\/(.+\+)?json/i.test(type)) {
        const body = await readJson(c, DocumentUpload, maxUploadBytes);
        added = await ready().add(body.name, new TextEncoder().encode(body.text), '.txt', { signal: requestSignal(c) });
      } else {
        throw new AppError('unsupported_media_type', 'Upload as multipart/form-data (field "file") or JSON {"name", "text"}.');
      }
      return c.json(added.record, added.replaced ? 200 : 201);
    },
  );

  app.delete('/api/documents/:id', async (c) => c.json({ deleted: await ready().remove(c.req.param('id')) }));

  return app;
}
