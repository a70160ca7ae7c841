/** @module server: the Node entry: reads the environment, builds or loads the index, then serves HTTP. */
import { serve } from '@hono/node-server';
import { loadConfig } from '../../config.js';
import { createApp } from '../../app.js';
import { createLogger } from '../../adapters/node/logger.js';
import { openIndex, type OpenedIndex } from './open-index.js';

const config = loadConfig(process.env);
const log = createLogger(config.LOG_LEVEL);
let opened: OpenedIndex | undefined;

const started = performance.now();
opened = await openIndex(config, { log, progress: true });
const app = createApp({ engine: () => opened?.engine, log });

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  log.info(
    { port: info.port, host: config.HOST, startupMs: Math.round(performance.now() - started) },
    `listening on http://localhost:${info.port}`,
  );
});

function shutdown(signal: string) {
  log.info({ signal }, 'shutting down');
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
