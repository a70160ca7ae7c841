/** The Worker as deployed, with Workers AI and Vectorize replaced by the in-test bindings (D1 is Miniflare's real local D1). */
import worker from '../../src/entries/workers/worker.js';
import type { WorkerEnv } from '../../src/adapters/workers/bindings.js';
import { createMemoryVectorize, createTableAi } from './fake-bindings.js';

const vectorize = createMemoryVectorize();
const calls = { texts: 0 };
let wrapped: { base: unknown; env: WorkerEnv } | undefined;
/** The same bindings with LLM answers on, per LLM_BASE_URL (a request names it in X-Test-LLM-Base-URL). */
const withLlm = new Map<string, WorkerEnv>();

export default {
  async fetch(request: Request, env: WorkerEnv & { VECTOR_TABLE: Record<string, number[]> }, ctx: { waitUntil(p: Promise<unknown>): void }): Promise<Response> {
    if (new URL(request.url).pathname === '/__test/calls') return Response.json({ ai: calls.texts, vectors: vectorize.size() });
    if (wrapped?.base !== env) wrapped = { base: env, env: { ...env, AI: createTableAi(env.VECTOR_TABLE, calls), VECTORIZE: vectorize } };
    const llm = request.headers.get('x-test-llm-base-url');
    if (llm && !withLlm.has(llm)) withLlm.set(llm, { ...wrapped.env, LLM_BASE_URL: llm, LLM_MODEL: 'qwen2.5:7b-instruct', LLM_API_KEY: 'sk-worker-test', LLM_MAX_TOKENS: '256' });
    return worker.fetch(request, llm ? withLlm.get(llm)! : wrapped.env, ctx);
  },
};
