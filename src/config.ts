/** @module config: every setting, validated once at the entry; the core never reads the environment. */
import { z } from 'zod';
import { AppError } from './core/errors.js';
import { parseTrustProxy } from './channels/http/client-address.js';
import { isTimeZone } from './core/conversation/calendar-day.js';

/** Created when missing; a folder named in UPLOAD_DIR must exist (a mistyped path would drop every upload from the index). */
export const DEFAULT_UPLOAD_DIR = 'data/uploads';

const number = (def: number, min: number, max: number) => z.coerce.number().min(min).max(max).default(def);
const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);
const optionalString = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));

export const ConfigSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  CORPUS_DIR: z.string().default('seeds'),
  // Uploaded documents: git-ignored, never among the corpus folder's (version-controlled) files.
  UPLOAD_DIR: z.string().default(DEFAULT_UPLOAD_DIR),
  INDEX_DIR: z.string().default('index'),
  MODELS_DIR: z.string().default('models'),
  MODEL_ID: z.string().default('Xenova/bge-small-zh-v1.5'),
  CHUNK_SIZE: int(300, 80, 4000),
  CHUNK_OVERLAP: int(80, 0, 2000),
  TOP_K: int(5, 1, 20),
  MIN_CONFIDENCE: z.coerce.number().min(0).max(1).optional(),
  WEIGHT_KEYWORD: number(0.45, 0, 10),
  WEIGHT_VECTOR: number(0.35, 0, 10),
  WEIGHT_DOCUMENT: number(0.35, 0, 10),
  HNSW_EF: int(200, 10, 2000),
  EMBED_BATCH: int(16, 1, 512),
  QUERY_CACHE_SIZE: int(1000, 0, 1_000_000),
  // The conversation log (SQLite) and the salt of its client hashes live here.
  DATA_DIR: z.string().default('data'),
  LOG_RETENTION_DAYS: int(90, 1, 36_500),
  // The calendar of the log's daily figures.
  TIMEZONE: z.string().default('Asia/Shanghai').refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' }),
  // English questions over the Chinese documents, through the bundled English–Chinese dictionary (CC-CEDICT).
  ENGLISH_QUESTIONS: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_TOKEN: optionalString,
  // An admin console session ends this long after login.
  ADMIN_SESSION_HOURS: number(12, 0.25, 720),
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean)),
  RATE_LIMIT_PER_MINUTE: int(300, 0, 1_000_000),
  REQUEST_TIMEOUT_MS: int(15_000, 100, 600_000),
  // How long SIGTERM waits for requests and uploads in flight before exiting anyway.
  SHUTDOWN_GRACE_MS: int(60_000, 0, 3_600_000),
  MAX_BODY_BYTES: int(256 * 1024, 1024, 100 * 1024 * 1024),
  UPLOAD_MAX_BYTES: int(20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  // Time to index an upload (a 15 MB text file is some 28k passages to embed: minutes on two cores); past it, undone.
  UPLOAD_TIMEOUT_MS: int(30 * 60_000, 1000, 24 * 3_600_000),
  // Parsing caps, checked before a document is inflated; unset means the parser's defaults (parse-limits.ts).
  PARSE_MAX_UNCOMPRESSED_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 ** 3).optional(),
  PARSE_MAX_ENTRY_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 ** 3).optional(),
  PARSE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).optional(),
  PARSE_MAX_COMPRESSION_RATIO: z.coerce.number().min(1).max(100_000).optional(),
  PARSE_MAX_PDF_PAGES: z.coerce.number().int().min(1).max(1_000_000).optional(),
  PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
  WECHAT_TOKEN: optionalString,
  WECHAT_APPID: optionalString,
  WECHAT_AES_KEY: optionalString.refine((k) => k === undefined || /^[A-Za-z0-9+/]{43}$/.test(k), {
    message: 'must be the 43-character EncodingAESKey',
  }),
  WECHAT_APPSECRET: optionalString,
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com').transform((u) => u.replace(/\/+$/, '')),
  WECHAT_REPLY_DEADLINE_MS: int(4500, 100, 60_000),
  // WeChat messages are a few KiB at most; the cap is enforced while the body streams in.
  WECHAT_MAX_BODY_BYTES: int(64 * 1024, 1024, 10 * 1024 * 1024),
  // A signed request older or newer than this is refused, so a captured one cannot be replayed later.
  WECHAT_MAX_CLOCK_SKEW_S: int(300, 10, 86_400),
  WECHAT_STATE_FILE: z.string().optional(),
  WECHAT_WELCOME: optionalString,
  // Optional LLM answers (issue 19): off unless LLM_BASE_URL names an OpenAI-compatible endpoint (…/v1).
  LLM_BASE_URL: optionalString.refine((u) => u === undefined || URL.canParse(u), { message: 'must be a URL such as http://127.0.0.1:11434/v1' }),
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  // The whole LLM step, retries included; past it the extractive answer is served.
  LLM_TIMEOUT_MS: int(8000, 100, 600_000),
  LLM_MAX_TOKENS: int(512, 16, 32_768),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      try {
        return parseTrustProxy(v === '1' ? 'true' : v === '0' ? 'false' : v);
      } catch (e) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be true, false, a hop count or a list of addresses and CIDR ranges (${(e as Error).message})` });
        return z.NEVER;
      }
    }),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Parses settings from an environment-like record; a bad value names its variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('config_invalid', `Invalid configuration: ${why}`);
  }
  const config = parsed.data;
  if (config.CHUNK_OVERLAP >= config.CHUNK_SIZE) {
    throw new AppError('config_invalid', 'Invalid configuration: CHUNK_OVERLAP must be smaller than CHUNK_SIZE');
  }
  if (config.LLM_BASE_URL && !config.LLM_MODEL) {
    throw new AppError('config_invalid', 'Invalid configuration: LLM_MODEL must name the model to use at LLM_BASE_URL');
  }
  if (config.LLM_BASE_URL && config.LLM_TIMEOUT_MS >= config.REQUEST_TIMEOUT_MS) {
    throw new AppError('config_invalid', 'Invalid configuration: LLM_TIMEOUT_MS must be shorter than REQUEST_TIMEOUT_MS, so that the extractive answer can still be served when the LLM is slow');
  }
  return config;
}
