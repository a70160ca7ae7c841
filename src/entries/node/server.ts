/** @module server: the Node entry: reads the environment, builds or loads the index, then serves HTTP. */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { loadConfig } from '../../config.js';
import { createApp } from '../../app.js';
import { createLogger } from '../../adapters/node/logger.js';
import { createPrometheusMetrics } from '../../adapters/node/prometheus-metrics.js';
import { openIndex, type OpenedIndex } from './open-index.js';
import { checkCorpusDir, checkUploadDir } from './folders.js';
import { answerClientErrorsWithJson } from '../../adapters/node/client-errors.js';
import { httpSettings } from './http-settings.js';
import { clientAddress } from '../../channels/http/client-address.js';
import { wechatChannel } from './wechat-channel.js';
import { createWidgetApp } from '../../channels/widget/widget-app.js';
import { buildWidget } from '../../adapters/node/build-widget.js';
import { exitOnError } from './exit-on-error.js';
import { llmAnswering } from './llm-answering.js';
import type { Engine } from '../../core/engine.js';
import { openConversationLog } from './conversation-log.js';
import { openCuratedStore } from './curated-store.js';
import { createCuratedAnswers, type CuratedAnswers } from '../../core/curated/curated-answers.js';
import { withCurated } from '../../core/curated/with-curated.js';
import { qaThreshold } from '../../core/curated/qa-threshold.js';
import { libraryDocuments } from '../../channels/admin/library-documents.js';

exitOnError();

const config = loadConfig(process.env);
const log = createLogger(config.LOG_LEVEL);
const metrics = createPrometheusMetrics();
const started = performance.now();
// The port opens at once: until the index is loaded, /healthz and the API answer 503 with Retry-After, so a load
// balancer or a client sees “starting”, not a refused connection, during a long build.
let opened: OpenedIndex | undefined;
// What the channels answer with: the engine, composed with the LLM step when LLM_BASE_URL is set.
let answering: Engine | undefined;
await checkCorpusDir(config.CORPUS_DIR);
await checkUploadDir(config);

const clientKey = (c: Context) =>
  clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), config.TRUST_PROXY) ?? 'unknown';

const answers = await openConversationLog(config, { logger: log, metrics });
const curatedStore = openCuratedStore(config, log);
// Ready once the embedding model is: the engine's, so that questions and curated questions share one vector space.
let curated: CuratedAnswers | undefined;
const wechat = await wechatChannel(config, () => answering, log, answers);
const widget = createWidgetApp({ script: await buildWidget() });
const app = createApp({
  channels: wechat ? [widget, wechat] : [widget],
  engine: () => answering,
  library: () => opened?.library,
  logger: log,
  metrics,
  http: httpSettings(config),
  clientKey,
  answers,
  curated: curatedStore ? () => curated : undefined,
  console: {
    documents: () => opened && libraryDocuments(opened.library, opened.index),
    calibrated: qaThreshold(config.MODEL_ID) !== undefined,
  },
  version: process.env.npm_package_version,
});

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  const everywhere = config.HOST === '0.0.0.0' || config.HOST === '::';
  const where = everywhere ? `port ${info.port} of every interface (http://localhost:${info.port} from this machine)` : `http://${config.HOST}:${info.port}`;
  log.info({ port: info.port, host: config.HOST }, `listening on ${where}; loading the index`);
});

answerClientErrorsWithJson(server);

/** Past the grace, how long the model workers may take to finish the batch they are running before the exit. */
const MODEL_STOP_MS = 10_000;

let stopping = false;
let forced = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: finishing requests in flight');
  const force = setTimeout(async () => {
    forced = true;
    log.warn({ graceMs: config.SHUTDOWN_GRACE_MS }, 'shutdown grace (SHUTDOWN_GRACE_MS) over; exiting');
    // Exiting while a worker runs an inference aborts the process (SIGABRT from the ONNX runtime): the models finish
    // their batch and take no more (an upload waiting for one fails and is undone), then the process exits 1.
    const late = new Promise<void>((resolve) => setTimeout(resolve, MODEL_STOP_MS).unref());
    await Promise.race([opened?.stopModels(), late]);
    await answers.close();
    curatedStore?.close();
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS);
  force.unref();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await opened?.library.idle();
  if (forced) return;
  await answers.close();
  curatedStore?.close();
  log.info({}, 'stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

opened = await openIndex(config, { log, progress: true });
const index = opened.index;
const generated = llmAnswering(config, opened.engine, { placeNames: () => index.placeNames(), metrics, logger: log });
if (curatedStore) curated = createCuratedAnswers({ store: curatedStore.store, embedder: opened.embedder, threshold: qaThreshold(config.MODEL_ID) });
// Curated answers come first and are served verbatim: the LLM step never rewrites them.
answering = curated ? withCurated(generated, { curated, logger: log, metrics }) : generated;
if (curated && qaThreshold(config.MODEL_ID) === undefined) log.warn({ model: config.MODEL_ID }, 'no calibrated curated-answer threshold for this model (npm run calibrate:qa): curated answers match only the same question text');
if (config.LLM_BASE_URL) log.info({ url: config.LLM_BASE_URL, model: config.LLM_MODEL }, 'answers may be written by the LLM, once verified');
log.info({ startupMs: Math.round(performance.now() - started) }, 'ready');
