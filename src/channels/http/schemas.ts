/** @module schemas: request bodies of the HTTP API, validated with zod (question length is checked by the engine). */
import { z } from 'zod';

export const AskRequest = z.object({
  question: z.string({ error: 'question must be a string' }).max(100_000),
  topK: z.number().int().min(1).max(20).optional(),
});

export const ChatMessageSchema = z.object({
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string().max(100_000),
});

export const ChatRequest = z.object({
  messages: z
    .array(ChatMessageSchema)
    .min(1)
    .max(100)
    .refine((m) => m[m.length - 1].role === 'user', { message: 'the last message must be the user’s question' }),
  stream: z.boolean().optional(),
  topK: z.number().int().min(1).max(20).optional(),
});
