/**
 * @module worker: the Cloudflare Workers entry. The same Hono app and runtime-free core as on Node, wired with
 * Workers adapters: Workers AI for embeddings, Vectorize for vectors, D1 for documents, chunks, postings, WeChat
 * delivery keys and the conversation log. The widget script comes from `npm run build:widget` (dist/widget.txt).
 */
import { Hono } from 'hono';
import widgetScript from '../../../dist/widget.txt';
// jieba's dictionary words (`npm run build:words`), so that questions are cut exactly as on Node.
import jiebaWordList from '../../../dist/jieba-words.txt';
import { createApp } from '../../app.js';
import { createEngine } from '../../core/engine.js';
import { withPassagePlaces } from '../../core/citation/with-passage-places.js';
import { AppError } from '../../core/errors.js';
import { createVocabularyTokenizer } from '../../core/normalize/vocabulary-tokenizer.js';
import { parseWordList, type WordList } from '../../core/normalize/dictionary-words.js';
import { createD1Corpus, readMeta } from '../../adapters/workers/d1-corpus.js';
import { createD1Library } from '../../adapters/workers/d1-library.js';
import { createWorkersAiEmbedder } from '../../adapters/workers/workers-ai-embedder.js';
import { createD1KeyValueStore } from '../../adapters/workers/d1-key-value-store.js';
import type { WorkerEnv } from '../../adapters/workers/bindings.js';
import { createWidgetApp } from '../../channels/widget/widget-app.js';
import { createWeChatApp, DEFAULT_WELCOME } from '../../channels/wechat/wechat-app.js';
import { loadConfig } from '../../config.js';
import { createPreparedDocumentsApp } from '../../channels/http/prepared-documents-app.js';
import { errorResponse } from '../../channels/http/error-response.js';
import { withLlm } from '../../core/llm/with-llm.js';
import { createPatternNameFinder } from '../../core/llm/pattern-names.js';
import { createOpenAIChatModel } from '../../adapters/openai/openai-chat-model.js';
import type { Engine } from '../../core/engine.js';
import { createAnswerLog, type AnswerLog } from '../../core/conversation/answer-log.js';
import { createClientHasher } from '../../core/conversation/client-hasher.js';
import { createD1ConversationStore } from '../../adapters/workers/d1-conversation-store.js';
import { loadD1ClientSalt } from '../../adapters/workers/d1-client-salt.js';
import { createD1CuratedStore } from '../../adapters/workers/d1-curated-store.js';
import { createCuratedAnswers } from '../../core/curated/curated-answers.js';
import { withCurated } from '../../core/curated/with-curated.js';
import { qaThreshold } from '../../core/curated/qa-threshold.js';
import { createSessions } from '../../channels/admin/sessions.js';

const DEFAULT_MODEL = '@cf/baai/bge-m3';
const DIMENSIONS: Record<string, number> = { '@cf/baai/bge-m3': 1024, '@cf/baai/bge-small-en-v1.5': 384, '@cf/baai/bge-base-en-v1.5': 768 };

/** One app per isolate, rebuilt when the corpus version changes (its vocabulary is the question tokenizer's). */
let cached: { env: WorkerEnv; version: number; app: Hono } | undefined;

const PURGE_EVERY_MS = 3_600_000;
/** One conversation log per isolate, kept across app rebuilds so that nothing queued is dropped with the old app. */
let logged: { env: WorkerEnv; log: Promise<AnswerLog>; purgedAt: number } | undefined;

function logFor(env: WorkerEnv): Promise<AnswerLog> {
  if (logged?.env === env) return logged.log;
  const vars = env as unknown as Record<string, string | undefined>;
  const settings = loadConfig({ LOG_RETENTION_DAYS: vars.LOG_RETENTION_DAYS, TIMEZONE: vars.TIMEZONE });
  const base = { timeZone: settings.TIMEZONE, retentionDays: settings.LOG_RETENTION_DAYS };
  const log = loadD1ClientSalt(env.DB).then(
    (salt) =>
      createAnswerLog({
        ...base,
        store: createD1ConversationStore(env.DB),
        hashClient: createClientHasher(salt),
        // Nothing waits on timers after a response on Workers: the fetch handler flushes once the body is sent.
        flushDelayMs: 3_600_000,
      }),
    (err) => {
      // No kv table yet (migrations not applied): answer without a log this time, try again on the next request.
      console.error('conversation log unavailable', err);
      logged = undefined;
      return createAnswerLog(base);
    },
  );
  logged = { env, log, purgedAt: 0 };
  return log;
}

/**
 * Writes what the request logged once its body has been sent (a stream logs its answer at the end), inside
 * waitUntil so that the isolate stays up for it; retention runs at most hourly the same way.
 */
function flushAfter(response: Response, log: AnswerLog, ctx: { waitUntil(p: Promise<unknown>): void }): Response {
  if (logged && Date.now() - logged.purgedAt > PURGE_EVERY_MS) {
    logged.purgedAt = Date.now();
    ctx.waitUntil(log.purge());
  }
  if (!response.body) {
    ctx.waitUntil(log.flush());
    return response;
  }
  const { readable, writable } = new TransformStream();
  ctx.waitUntil(
    response.body
      .pipeTo(writable)
      .catch(() => {})
      .then(() => log.flush()),
  );
  return new Response(readable, response);
}

/** The word list, parsed when an isolate first builds its app, then kept. */
let words: WordList | undefined;

async function appFor(env: WorkerEnv, answers: AnswerLog): Promise<Hono> {
  let version: number;
  try {
    version = (await readMeta(env.DB)).version;
  } catch (cause) {
    throw new AppError('not_ready', 'The D1 database has no tables yet: run `wrangler d1 migrations apply`.', { cause });
  }
  if (cached && cached.env === env && cached.version === version) return cached.app;
  const modelId = env.MODEL_ID || DEFAULT_MODEL;
  const embedder = createWorkersAiEmbedder(env.AI, modelId, DIMENSIONS[modelId] ?? 1024);
  const corpus = createD1Corpus(env.DB, env.VECTORIZE);
  const library = createD1Library(env.DB, env.VECTORIZE, embedder);
  const { terms, places, dates } = await library.vocabulary();
  const placeNames = [...places];
  // Citations carry their document's date as on Node (pages are not kept in D1).
  const extractive = withPassagePlaces(
    createEngine({ tokenizer: createVocabularyTokenizer((t) => terms.has(t), (t) => places.has(t), () => placeNames, (words ??= parseWordList(jiebaWordList))), embedder, corpus, placeNames: () => placeNames }),
    (source) => (dates.has(source) ? { date: dates.get(source) } : undefined),
  );
  // bge-m3 has no calibrated threshold (npm run calibrate:qa runs the bundled model only): there, curated answers match
  // only a question with the same folded text.
  const curated = createCuratedAnswers({ store: createD1CuratedStore(env.DB), embedder, threshold: qaThreshold(modelId) });
  const engine = withCurated(llmAnswering(env, extractive, () => placeNames), { curated });
  const channels = [createWidgetApp({ script: widgetScript })];
  if (env.WECHAT_TOKEN) {
    // Only the WeChat limits go through the shared schema, so a bad value names its variable as on Node.
    const vars = env as unknown as Record<string, string | undefined>;
    const limits = loadConfig({ WECHAT_MAX_BODY_BYTES: vars.WECHAT_MAX_BODY_BYTES, WECHAT_MAX_CLOCK_SKEW_S: vars.WECHAT_MAX_CLOCK_SKEW_S });
    // D1 never evicts, so delivery keys and conversations can share its table (their keys do not overlap).
    const store = createD1KeyValueStore(env.DB);
    channels.push(
      createWeChatApp({
        engine: () => engine,
        log: answers,
        deliveries: store,
        conversations: store,
        settings: {
          token: env.WECHAT_TOKEN,
          appId: env.WECHAT_APPID,
          aesKey: env.WECHAT_AES_KEY,
          appSecret: env.WECHAT_APPSECRET,
          apiBase: (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/+$/, ''),
          replyDeadlineMs: 4500,
          holdMs: 6000,
          welcome: DEFAULT_WELCOME,
          maxBodyBytes: limits.WECHAT_MAX_BODY_BYTES,
          maxClockSkewS: limits.WECHAT_MAX_CLOCK_SKEW_S,
        },
      }),
    );
  }
  const vars = env as unknown as Record<string, string | undefined>;
  const adminSessionMs = loadConfig({ ADMIN_SESSION_HOURS: vars.ADMIN_SESSION_HOURS }).ADMIN_SESSION_HOURS * 3_600_000;
  const app = createApp({
    engine: () => engine,
    channels,
    console: {
      // Documents arrive prepared (npm run push): the console lists and deletes them, it does not upload.
      documents: () => ({ list: async () => ({ documents: await library.list() }), remove: (id: string) => library.remove(id) }),
      // In D1, so that every isolate knows a session (the kv table, keys prefixed admin-session:).
      sessions: createSessions({ ttlMs: adminSessionMs, store: createD1KeyValueStore(env.DB) }),
      calibrated: qaThreshold(modelId) !== undefined,
    },
    documents: createPreparedDocumentsApp({ library, adminToken: env.ADMIN_TOKEN }),
    http: {
      allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
      // Per-isolate counters do not limit a distributed deployment: use Cloudflare's rate-limiting rules instead.
      rateLimitPerMinute: 0,
      adminToken: env.ADMIN_TOKEN,
      adminSessionMs,
    },
    clientKey: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
    answers,
    curated: () => curated,
  });
  cached = { env, version, app };
  return app;
}

/** The engine, composed with the LLM step when LLM_BASE_URL is set (the same settings, checked the same way, as on Node). */
function llmAnswering(env: WorkerEnv, engine: Engine, placeNames: () => readonly string[]): Engine {
  const config = loadConfig({
    LLM_BASE_URL: env.LLM_BASE_URL,
    LLM_MODEL: env.LLM_MODEL,
    LLM_API_KEY: env.LLM_API_KEY,
    LLM_TIMEOUT_MS: env.LLM_TIMEOUT_MS,
    LLM_MAX_TOKENS: env.LLM_MAX_TOKENS,
  });
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return engine;
  return withLlm(engine, {
    model: createOpenAIChatModel({ baseURL: config.LLM_BASE_URL, model: config.LLM_MODEL, apiKey: config.LLM_API_KEY }),
    // No part-of-speech tagger here: the gazetteer's places, the corpus's own and persons named after a title.
    names: createPatternNameFinder(placeNames),
    settings: { timeoutMs: config.LLM_TIMEOUT_MS, maxTokens: config.LLM_MAX_TOKENS },
  });
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: { waitUntil(p: Promise<unknown>): void; passThroughOnException?(): void }): Promise<Response> {
    try {
      const answers = await logFor(env);
      const response = await (await appFor(env, answers)).fetch(request, env, ctx as never);
      return request.method === 'POST' ? flushAfter(response, answers, ctx) : response;
    } catch (err) {
      const fallback = new Hono();
      fallback.all('*', (c) => errorResponse(c, err));
      return fallback.fetch(request);
    }
  },
};
