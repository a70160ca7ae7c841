/**
 * @module admin-qa-app: curated answers (问答对) for admins (`Authorization: Bearer $ADMIN_TOKEN`): list, add,
 * replace, delete. Writes go through CuratedAnswers, so that the question vectors it keeps change with them.
 */
import { Hono } from 'hono';
import type { CuratedAnswers } from '../../core/curated/curated-answers.js';
import type { CuratedAnswer } from '../../core/curated/curated-types.js';
import { AppError } from '../../core/errors.js';
import { adminGuard } from './middleware/admin-guard.js';
import { readJson } from './read-json.js';
import { CuratedRequest } from './curated-schemas.js';

export interface AdminQaDeps {
  /** Undefined until the embedder is loaded (503), or always when the deployment keeps none (404). */
  curated?: () => CuratedAnswers | undefined;
  adminToken?: string;
  maxBodyBytes: number;
}

export const curatedItem = (p: CuratedAnswer) => ({
  id: p.id,
  question: p.question,
  answer: p.answer,
  source: p.source ?? null,
  updated: new Date(p.updated).toISOString(),
});

export function createAdminQaApp({ curated, adminToken, maxBodyBytes }: AdminQaDeps): Hono {
  const app = new Hono();
  app.use('/api/admin/qa', adminGuard(adminToken));
  app.use('/api/admin/qa/*', adminGuard(adminToken));
  const ready = (): CuratedAnswers => {
    if (!curated) throw new AppError('not_found', 'This deployment keeps no curated answers.');
    const c = curated();
    if (!c) throw new AppError('not_ready', 'The embedding model is still loading; try again shortly.');
    return c;
  };

  app.get('/api/admin/qa', async (c) => c.json({ items: (await ready().list()).map(curatedItem) }));
  app.post('/api/admin/qa', async (c) => {
    const body = await readJson(c, CuratedRequest, maxBodyBytes);
    return c.json(curatedItem(await ready().create(body)), 201);
  });
  app.put('/api/admin/qa/:id', async (c) => {
    const body = await readJson(c, CuratedRequest, maxBodyBytes);
    return c.json(curatedItem(await ready().update(c.req.param('id'), body)));
  });
  app.delete('/api/admin/qa/:id', async (c) => {
    await ready().remove(c.req.param('id'));
    return c.body(null, 204);
  });
  return app;
}
