/** @module schemas: request and response bodies of the HTTP API; the same zod schemas validate requests and make /openapi.json. */
import { z } from '@hono/zod-openapi';

export const AskRequest = z
  .object({
    question: z.string({ error: 'question must be a string' }).max(100_000).openapi({ example: '平陆招商目标是多少' }),
    topK: z.number().int().min(1).max(20).optional(),
  })
  .openapi('AskRequest');

export const ChatMessage = z
  .object({
    role: z.enum(['user', 'assistant', 'system']),
    content: z.string().max(100_000),
  })
  .openapi('ChatMessage');

export const ChatRequest = z
  .object({
    messages: z
      .array(ChatMessage)
      .min(1)
      .max(100)
      .refine((m) => m.length === 0 || m[m.length - 1].role === 'user', { message: 'the last message must be the user’s question' }),
    stream: z.boolean().optional(),
    topK: z.number().int().min(1).max(20).optional(),
  })
  .openapi('ChatRequest');

const OpenAIContentPart = z.object({ type: z.string(), text: z.string().optional() }).passthrough();

export const ChatCompletionRequest = z
  .object({
    model: z.string().max(200).optional(),
    messages: z
      .array(
        z
          .object({
            role: z.enum(['system', 'user', 'assistant', 'developer', 'tool', 'function']),
            content: z.union([z.string().max(100_000), z.array(OpenAIContentPart).max(100), z.null()]).optional(),
          })
          .passthrough(),
      )
      .min(1)
      .max(100),
    stream: z.boolean().optional(),
  })
  .passthrough()
  .openapi('ChatCompletionRequest');

export const DocumentUpload = z
  .object({
    name: z.string().min(1).max(300).openapi({ example: '政府工作报告.md' }),
    text: z.string().min(1).max(20_000_000),
  })
  .openapi('DocumentUpload');

export const SearchQuery = z.object({
  q: z.string().min(1).max(1000).openapi({ example: '衡水湖片区的总体定位' }),
  k: z.coerce.number().int().min(1).max(50).default(5),
});

export const Span = z.object({ start: z.number().int(), end: z.number().int() });

/** Where a reader finds a passage: its document's date and its page, when the document states them. */
const passagePlace = {
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().openapi({ description: 'The date the document states (its dateline, 发布时间, or its file properties), YYYY-MM-DD.' }),
  page: z.number().int().min(1).optional().openapi({ description: 'The page (PDF) or slide (pptx) of the answering span, or where the passage starts.' }),
};

export const Citation = z
  .object({
    n: z.number().int(),
    source: z.string(),
    title: z.string(),
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    score: z.number(),
    highlight: Span.optional(),
    ...passagePlace,
  })
  .openapi('Citation');

export const RelatedPassage = z
  .object({ source: z.string(), title: z.string(), text: z.string(), start: z.number().int(), end: z.number().int(), score: z.number(), ...passagePlace })
  .openapi('RelatedPassage');

export const Answer = z
  .object({
    id: z.string().openapi({ description: 'This answer’s id, for feedback (POST /api/feedback) and the conversation log.' }),
    answer: z.string(),
    found: z.boolean(),
    query: z.string(),
    citations: z.array(Citation),
    related: z.array(RelatedPassage).max(3).optional().openapi({ description: 'Only when found is false: passages that may be worth reading; not an answer.' }),
    intent: z.enum(['smalltalk']).optional().openapi({ description: 'smalltalk: a greeting or a question about the bot, answered without the documents.' }),
    language: z.enum(['en']).optional().openapi({ description: 'en: an English question, answered with the Chinese quote in an English frame (refusals in English).' }),
  })
  .openapi('Answer');

export const SearchResult = z
  .object({
    query: z.string(),
    hits: z.array(z.object({ chunkId: z.number().int(), source: z.string(), title: z.string(), text: z.string(), start: z.number().int(), end: z.number().int(), score: z.number(), ...passagePlace })),
  })
  .openapi('SearchResult');

export const DocumentRecord = z
  .object({
    id: z.string(),
    source: z.string(),
    title: z.string(),
    chunks: z.number().int(),
    bytes: z.number().int(),
    indexedAt: z.string(),
    date: z.string().optional(),
    place: z.string().optional(),
  })
  .openapi('DocumentRecord');

export const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

export const PreparedUploadSchema = z
  .object({
    document: z.object({
      source: z.string().min(1).max(300),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().min(0),
      title: z.string().max(500),
      date: z.string().max(40).optional(),
      place: z.string().max(40).optional(),
      places: z.array(z.string().max(40)).max(10_000).optional(),
    }),
    chunks: z
      .array(
        z.object({
          start: z.number().int().min(0),
          end: z.number().int().min(0),
          heading: z.string().max(200).optional(),
          text: z.string().max(20_000),
          tokens: z.array(z.string().max(100)).max(10_000),
        }),
      )
      .min(1)
      .max(20_000),
    passages: z.array(z.string().max(20_000)).min(1).max(20_000),
  })
  .openapi('PreparedUpload');
