/** @module openapi: the OpenAPI 3 document, generated from the zod schemas that validate the requests. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { DOCUMENT_EXTENSIONS } from '../../core/index/document-name.js';
import { ConversationList, ConversationQuery, ConversationFilterQuery, FeedbackRequest, Stats, StatsQuery } from './conversation-schemas.js';
import { CuratedItem, CuratedList, CuratedRequest } from './curated-schemas.js';
import { Answer, AskRequest, ChatCompletionRequest, ChatRequest, DocumentRecord, DocumentUpload, ErrorBody, SearchQuery, SearchResult } from './schemas.js';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(ErrorBody, 'Bad input'),
  413: json(ErrorBody, 'Body too large'),
  415: json(ErrorBody, 'Not JSON'),
  429: json(ErrorBody, 'Rate limited (see Retry-After)'),
  503: json(ErrorBody, 'Index not ready'),
};
const admin = [{ bearer: [] as string[] }];

export function openApiDocument(version: string): object {
  const doc = new OpenAPIHono();
  const r = doc.openAPIRegistry;
  r.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' });
  r.registerPath({
    method: 'get',
    path: '/healthz',
    summary: 'Ready to answer?',
    responses: { 200: json(z.object({ status: z.literal('ok'), documents: z.number(), chunks: z.number() }), 'Ready'), 503: json(z.object({ status: z.string() }), 'Starting') },
  });
  r.registerPath({
    method: 'post',
    path: '/api/ask',
    summary: 'Ask one question',
    request: { body: { required: true, content: { 'application/json': { schema: AskRequest } } } },
    responses: { 200: json(Answer, 'The answer with its citations'), ...errors },
  });
  r.registerPath({
    method: 'post',
    path: '/api/chat',
    summary: 'Multi-turn chat; with stream=true, Server-Sent Events delta, citations, done',
    request: { body: { required: true, content: { 'application/json': { schema: ChatRequest } } } },
    responses: {
      200: {
        description: 'The answer (JSON), or an event stream',
        content: { 'application/json': { schema: Answer }, 'text/event-stream': { schema: z.string() } },
      },
      ...errors,
    },
  });
  r.registerPath({
    method: 'get',
    path: '/api/search',
    summary: 'Retrieval only',
    request: { query: SearchQuery },
    responses: { 200: json(SearchResult, 'Ranked passages'), ...errors },
  });
  r.registerPath({
    method: 'post',
    path: '/v1/chat/completions',
    summary: 'OpenAI-compatible chat completions (stream or not); citations (and a refusal’s related passages) in top-level fields',
    request: { body: { required: true, content: { 'application/json': { schema: ChatCompletionRequest } } } },
    responses: { 200: { description: 'A chat.completion object, or chat.completion.chunk events', content: { 'application/json': { schema: z.object({}).passthrough() }, 'text/event-stream': { schema: z.string() } } }, ...errors },
  });
  r.registerPath({ method: 'get', path: '/v1/models', summary: 'The bot as a model', responses: { 200: json(z.object({ object: z.literal('list'), data: z.array(z.object({ id: z.string() }).passthrough()) }), 'Models') } });
  r.registerPath({
    method: 'get',
    path: '/api/documents',
    summary: 'List documents',
    security: admin,
    responses: {
      200: json(
        z.object({
          documents: z.array(DocumentRecord),
          failed: z
            .array(z.object({ source: z.string(), bytes: z.number(), reason: z.string() }))
            .optional()
            .openapi({ description: 'Files of the corpus or upload folder that could not be indexed (past a parse limit, unreadable), with the reason' }),
        }),
        'Documents',
      ),
      401: json(ErrorBody, 'No or wrong token'),
      403: json(ErrorBody, 'Disabled'),
    },
  });
  r.registerPath({
    method: 'post',
    path: '/api/documents',
    summary: 'Upload a document (multipart field "file", or JSON name + text) into UPLOAD_DIR as uploads/<name>; indexed before the response',
    security: admin,
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: DocumentUpload },
          'multipart/form-data': {
            schema: z.object({
              file: z.string().openapi({ format: 'binary', description: `A ${DOCUMENT_EXTENSIONS.join(' ')} file; its name's extension picks the parser` }),
            }),
          },
        },
      },
    },
    responses: {
      201: json(DocumentRecord, 'Stored and indexed'),
      200: json(DocumentRecord, 'Replaced an uploaded document of the same name'),
      401: json(ErrorBody, 'No or wrong token'),
      409: json(ErrorBody, 'Same content already present'),
      422: json(ErrorBody, 'Unreadable document'),
      ...errors,
    },
  });
  r.registerPath({
    method: 'delete',
    path: '/api/documents/{id}',
    summary: 'Delete an uploaded document and its chunks (its file goes to UPLOAD_DIR/.trash)',
    security: admin,
    request: { params: z.object({ id: z.string() }) },
    responses: {
      200: json(z.object({ deleted: DocumentRecord }), 'Deleted'),
      401: json(ErrorBody, 'No or wrong token'),
      404: json(ErrorBody, 'No such document'),
      409: json(ErrorBody, 'A document of the corpus folder (corpus_document): not changed by the server'),
      507: json(ErrorBody, 'Disk full: nothing removed'),
    },
  });
  r.registerPath({
    method: 'post',
    path: '/api/feedback',
    summary: 'Rate an answer by its id (up or down, optional comment); a second rating replaces the first',
    request: { body: { required: true, content: { 'application/json': { schema: FeedbackRequest } } } },
    responses: { 204: { description: 'Stored' }, 404: json(ErrorBody, 'No answer has this id'), ...errors },
  });
  const guarded = { 401: json(ErrorBody, 'No or wrong token'), 403: json(ErrorBody, 'Disabled (no ADMIN_TOKEN)'), 400: json(ErrorBody, 'A filter with a bad value') };
  r.registerPath({
    method: 'get',
    path: '/api/admin/conversations',
    summary: 'The conversation log, newest first, filtered, a page at a time (pass next back as cursor)',
    security: admin,
    request: { query: ConversationQuery },
    responses: { 200: json(ConversationList, 'A page of entries'), ...guarded },
  });
  r.registerPath({
    method: 'get',
    path: '/api/admin/conversations.csv',
    summary: 'The conversation log as CSV (UTF-8 with a byte-order mark), same filters, every page',
    security: admin,
    request: { query: ConversationFilterQuery },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...guarded },
  });
  r.registerPath({
    method: 'get',
    path: '/api/admin/stats',
    summary: 'Questions per day, found rate, ratings and the most frequent unanswered questions over the last days',
    security: admin,
    request: { query: StatsQuery },
    responses: { 200: json(Stats, 'Figures'), ...guarded },
  });
  const qaAuth = { 401: json(ErrorBody, 'No or wrong token'), 403: json(ErrorBody, 'Disabled (no ADMIN_TOKEN)') };
  const qaBody = { body: { required: true, content: { 'application/json': { schema: CuratedRequest } } } };
  const qaId = z.object({ id: z.string() });
  r.registerPath({ method: 'get', path: '/api/admin/qa', summary: 'Curated answers (问答对), oldest first', security: admin, responses: { 200: json(CuratedList, 'Every pair'), ...qaAuth } });
  r.registerPath({
    method: 'post',
    path: '/api/admin/qa',
    summary: 'Add a curated answer: questions that ask the same (paraphrases too, by embedding similarity) get it verbatim, cited qa:<id>',
    security: admin,
    request: qaBody,
    responses: { 201: json(CuratedItem, 'Added'), 400: json(ErrorBody, 'Bad body'), ...qaAuth },
  });
  r.registerPath({
    method: 'put',
    path: '/api/admin/qa/{id}',
    summary: 'Replace a curated answer',
    security: admin,
    request: { params: qaId, ...qaBody },
    responses: { 200: json(CuratedItem, 'Replaced'), 400: json(ErrorBody, 'Bad body'), 404: json(ErrorBody, 'No such pair'), ...qaAuth },
  });
  r.registerPath({
    method: 'delete',
    path: '/api/admin/qa/{id}',
    summary: 'Delete a curated answer',
    security: admin,
    request: { params: qaId },
    responses: { 204: { description: 'Deleted' }, 404: json(ErrorBody, 'No such pair'), ...qaAuth },
  });
  r.registerPath({ method: 'get', path: '/metrics', summary: 'Prometheus metrics', responses: { 200: { description: 'Text format', content: { 'text/plain': { schema: z.string() } } } } });
  return doc.getOpenAPIDocument({ openapi: '3.0.3', info: { title: 'zhida', version, description: 'Exact, cited answers from Chinese documents.' } });
}
