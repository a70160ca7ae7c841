/**
 * @module cli-push: `npm run push -- --url https://zhida.example.workers.dev` prepares the corpus folder on this machine
 * (cleaning, chunking, jieba tokens) and posts each document to the Worker, which embeds and stores it.
 * Needs ADMIN_TOKEN (the Worker's secret). Documents already there with the same content are skipped.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { preparedUploads } from './prepare-uploads.js';
import { exitOnError } from './exit-on-error.js';
import { printHelpIfAsked } from './cli-help.js';

exitOnError();
printHelpIfAsked(`usage: ADMIN_TOKEN=… npm run push -- --url https://your-worker.example.workers.dev
  Prepares every document of CORPUS_DIR here (cleaning, chunking, jieba) and posts it to the Worker, which embeds and
  stores it; documents already there unchanged are skipped.`);

const { values } = parseArgs({ options: { url: { type: 'string' } } });
const config = loadConfig(process.env);
if (!values.url || !config.ADMIN_TOKEN) {
  process.stderr.write('usage: ADMIN_TOKEN=… npm run push -- --url https://your-worker.example.workers.dev\n');
  process.exit(2);
}
let pushed = 0;
let failed = 0;
for await (const upload of preparedUploads(config, (source, reason) => process.stderr.write(`skipped ${source}: ${reason}\n`))) {
  const res = await fetch(`${values.url.replace(/\/+$/, '')}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config.ADMIN_TOKEN}` },
    body: JSON.stringify(upload),
  });
  const body = await res.text();
  if (res.status === 409) process.stderr.write(`unchanged ${upload.document.source}\n`);
  else if (res.ok) {
    pushed++;
    process.stderr.write(`pushed ${upload.document.source} (${upload.chunks.length} chunks)\n`);
  } else {
    failed++;
    process.stderr.write(`failed ${upload.document.source}: ${res.status} ${body}\n`);
  }
}
process.stderr.write(`${pushed} pushed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
