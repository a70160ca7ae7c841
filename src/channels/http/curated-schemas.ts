/** @module curated-schemas: bodies of the curated-answer (问答对) admin API; they validate requests and make /openapi.json. */
import { z } from '@hono/zod-openapi';

export const CuratedRequest = z
  .object({
    question: z.string().trim().min(1).max(1000).openapi({ example: '社保卡丢了怎么补办' }),
    answer: z.string().trim().min(1).max(20_000).openapi({ example: '携带身份证到任一社保服务网点办理，当场挂失，补卡约7个工作日。' }),
    source: z.string().trim().max(300).optional().openapi({ description: 'Where the answer comes from (a document, a notice); shown to admins' }),
  })
  .openapi('CuratedRequest');

export const CuratedItem = z
  .object({
    id: z.string().openapi({ description: 'Answers given with this pair cite `qa:<id>`' }),
    question: z.string(),
    answer: z.string(),
    source: z.string().nullable(),
    updated: z.string().openapi({ description: 'ISO 8601' }),
  })
  .openapi('CuratedItem');

export const CuratedList = z.object({ items: z.array(CuratedItem) }).openapi('CuratedList');
