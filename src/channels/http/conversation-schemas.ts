/** @module conversation-schemas: bodies and queries of feedback and the admin conversation log; they validate requests and make /openapi.json. */
import { z } from '@hono/zod-openapi';
import { CHANNELS, RATINGS } from '../../core/conversation/conversation-types.js';

export const FeedbackRequest = z
  .object({
    id: z.string().min(1).max(100),
    rating: z.enum(RATINGS),
    comment: z.string().max(1000).optional(),
  })
  .openapi('FeedbackRequest');

export const ConversationFilterQuery = z.object({
  found: z.enum(['true', 'false']).optional(),
  rating: z.enum(RATINGS).optional(),
  channel: z.enum(CHANNELS).optional(),
  q: z.string().min(1).max(200).optional(),
});

export const ConversationQuery = ConversationFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(40).optional(),
});

export const StatsQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

export const ConversationItem = z
  .object({
    id: z.string(),
    time: z.string().openapi({ description: 'ISO 8601' }),
    channel: z.enum(CHANNELS),
    question: z.string(),
    query: z.string(),
    answer: z.string(),
    found: z.boolean(),
    sources: z.array(z.string()),
    rating: z.enum(RATINGS).nullable(),
    comment: z.string().nullable(),
    latency_ms: z.number().int(),
  })
  .openapi('ConversationItem');

export const ConversationList = z.object({ items: z.array(ConversationItem), next: z.string().nullable() }).openapi('ConversationList');

export const Stats = z
  .object({
    questions: z.number().int(),
    found: z.number().int(),
    found_rate: z.number(),
    ratings: z.object({ up: z.number().int(), down: z.number().int() }),
    by_day: z.array(z.object({ date: z.string(), questions: z.number().int(), found: z.number().int() })),
    top_unanswered: z.array(z.object({ question: z.string(), count: z.number().int() })),
  })
  .openapi('Stats');
