/** @module bindings: the parts of Cloudflare's binding APIs (D1, Vectorize, Workers AI) this app uses, with their real signatures. */

export interface D1Result<T = Record<string, unknown>> {
  results: T[];
  success: boolean;
  meta?: Record<string, unknown>;
}

export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T = Record<string, unknown>>(column?: string): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  run(): Promise<D1Result>;
}

export interface D1Database {
  prepare(query: string): D1PreparedStatement;
  batch<T = Record<string, unknown>>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]>;
  exec(query: string): Promise<unknown>;
}

export interface VectorizeVector {
  id: string;
  values: number[] | Float32Array;
  metadata?: Record<string, string | number | boolean>;
}

export interface VectorizeMatches {
  matches: { id: string; score: number }[];
  count?: number;
}

export interface VectorizeIndex {
  query(vector: number[] | Float32Array, options?: { topK?: number; returnValues?: boolean; returnMetadata?: boolean | 'none' | 'indexed' | 'all' }): Promise<VectorizeMatches>;
  upsert(vectors: VectorizeVector[]): Promise<unknown>;
  deleteByIds(ids: string[]): Promise<unknown>;
  getByIds(ids: string[]): Promise<VectorizeVector[]>;
}

export interface Ai {
  run(model: string, inputs: { text: string[] }): Promise<{ data: number[][]; shape?: number[] }>;
}

export interface WorkerEnv {
  DB: D1Database;
  VECTORIZE: VectorizeIndex;
  AI: Ai;
  MODEL_ID?: string;
  ADMIN_TOKEN?: string;
  ALLOWED_ORIGINS?: string;
  WECHAT_TOKEN?: string;
  WECHAT_APPID?: string;
  WECHAT_AES_KEY?: string;
  WECHAT_APPSECRET?: string;
  WECHAT_API_BASE?: string;
  LLM_BASE_URL?: string;
  LLM_MODEL?: string;
  LLM_API_KEY?: string;
  LLM_TIMEOUT_MS?: string;
  LLM_MAX_TOKENS?: string;
  LOG_RETENTION_DAYS?: string;
  TIMEZONE?: string;
}
