/** @module cli-index: `npm run index [-- --rebuild]` builds or refreshes the index with a progress bar. */
import { loadConfig } from '../../config.js';
import { createLogger } from '../../adapters/node/logger.js';
import { openIndex } from './open-index.js';
import { exitOnError } from './exit-on-error.js';
import { printHelpIfAsked } from './cli-help.js';
import { localUrl } from './ask-running-server.js';
import { isServerRunning, restartNotice } from './running-server.js';

exitOnError();
printHelpIfAsked(`usage: npm run index [-- --rebuild]
  Indexes CORPUS_DIR and UPLOAD_DIR into INDEX_DIR: only new or changed files are parsed and embedded, removed ones
  leave the index. A server already running keeps its index until it is restarted (this command says so).
  --rebuild   build from scratch`);

const config = loadConfig(process.env);
const log = createLogger(config.LOG_LEVEL, 'stderr');
const started = performance.now();
// Asked before indexing: a server found now is one that loaded an older index.
const url = localUrl(config.HOST, config.PORT);
const running = await isServerRunning(url);
if (running) process.stderr.write(`${restartNotice(url)}\n`);
const opened = await openIndex(config, { log, progress: true, rebuild: process.argv.includes('--rebuild') });
const docs = opened.index.listDocuments();
process.stderr.write(
  `index ready: ${docs.length} documents, ${opened.index.chunkCount} chunks in ${((performance.now() - started) / 1000).toFixed(1)} s → ${opened.store.dir}\n`,
);
for (const d of docs) process.stderr.write(`  ${d.meta.source}  ${d.chunkIds.length} chunks  ${d.meta.title}\n`);
if (running) process.stderr.write(`${restartNotice(url)}\n`);
await opened.close();
