/**
 * @module admin-log-app: the conversation log for admins (`Authorization: Bearer $ADMIN_TOKEN`): the entries with
 * filters and cursor pagination, the same as CSV for spreadsheets, and the figures over the last days.
 */
import { Hono } from 'hono';
import type { AnswerLog } from '../../core/conversation/answer-log.js';
import type { ConversationEntry, ConversationFilter } from '../../core/conversation/conversation-types.js';
import { logStats } from '../../core/conversation/log-stats.js';
import { AppError } from '../../core/errors.js';
import { adminGuard } from './middleware/admin-guard.js';
import { readQuery } from './read-query.js';
import { csvText } from './csv-text.js';
import { ConversationFilterQuery, ConversationQuery, StatsQuery } from './conversation-schemas.js';
import type { z } from 'zod';

export interface AdminLogDeps {
  log: AnswerLog;
  adminToken?: string;
  now?: () => number;
}

const CSV_PAGE = 1000;

const item = (e: ConversationEntry) => ({
  id: e.id,
  time: new Date(e.time).toISOString(),
  channel: e.channel,
  question: e.question,
  query: e.query,
  answer: e.answer,
  found: e.found,
  sources: e.sources,
  rating: e.rating ?? null,
  comment: e.comment ?? null,
  latency_ms: e.latencyMs,
});

const filterOf = (q: z.infer<typeof ConversationFilterQuery>): ConversationFilter => ({
  found: q.found === undefined ? undefined : q.found === 'true',
  rating: q.rating,
  channel: q.channel,
  text: q.q,
});

export function createAdminLogApp({ log, adminToken, now = Date.now }: AdminLogDeps): Hono {
  const app = new Hono();
  app.use('/api/admin/*', adminGuard(adminToken));
  // Reads first write what is queued, so that an answer just given is in the list and the figures.
  const store = async () => {
    if (!log.store) throw new AppError('not_found', 'This deployment keeps no conversation log.');
    await log.flush();
    return log.store;
  };

  app.get('/api/admin/conversations', async (c) => {
    const q = readQuery(c, ConversationQuery);
    const page = await (await store()).list(filterOf(q), q.limit, q.cursor);
    return c.json({ items: page.items.map(item), next: page.next });
  });

  app.get('/api/admin/conversations.csv', async (c) => {
    const filter = filterOf(readQuery(c, ConversationFilterQuery));
    const s = await store();
    const rows: ReturnType<typeof item>[] = [];
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await s.list(filter, CSV_PAGE, cursor);
      rows.push(...page.items.map(item));
      cursor = page.next ?? undefined;
    }
    const csv = csvText(
      ['id', 'time', 'channel', 'question', 'query', 'answer', 'found', 'sources', 'rating', 'comment', 'latency_ms'],
      rows.map((r) => ({ ...r, sources: r.sources.join('; ') })),
    );
    return c.body(`\uFEFF${csv}`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="conversations.csv"',
    });
  });

  app.get('/api/admin/stats', async (c) => {
    const { days } = readQuery(c, StatsQuery);
    await store();
    return c.json(await logStats(log, days, now()));
  });

  return app;
}
