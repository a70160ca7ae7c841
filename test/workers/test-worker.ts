/** The Worker as deployed, with Workers AI and Vectorize replaced by the in-test bindings (D1 is Miniflare's real local D1). */
import worker from '../../src/entries/workers/worker.js';
import type { WorkerEnv } from '../../src/adapters/workers/bindings.js';
import { createMemoryVectorize, createTableAi } from './fake-bindings.js';

const vectorize = createMemoryVectorize();
const calls = { texts: 0 };
let wrapped: { base: unknown; env: WorkerEnv } | undefined;

export default {
  async fetch(request: Request, env: WorkerEnv & { VECTOR_TABLE: Record<string, number[]> }, ctx: { waitUntil(p: Promise<unknown>): void }): Promise<Response> {
    if (new URL(request.url).pathname === '/__test/calls') return Response.json({ ai: calls.texts, vectors: vectorize.size() });
    if (wrapped?.base !== env) wrapped = { base: env, env: { ...env, AI: createTableAi(env.VECTOR_TABLE, calls), VECTORIZE: vectorize } };
    return worker.fetch(request, wrapped.env, ctx);
  },
};
