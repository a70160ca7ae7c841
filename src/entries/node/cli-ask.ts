/**
 * @module cli-ask: `npm run ask -- "问题" [--json] [--local]` prints the answer and its citations, from the server
 * running on PORT when there is one, else from the index itself.
 */
import { loadConfig } from '../../config.js';
import { exitOnError } from './exit-on-error.js';
import { printHelpIfAsked } from './cli-help.js';
import { passageLabel } from '../../core/citation/passage-label.js';
import { askRunningServer, localUrl } from './ask-running-server.js';

exitOnError();
printHelpIfAsked(`usage: npm run ask -- "平陆招商目标是多少" [--json] [--local]
  Answers one question and prints the cited passages: through the server running on this machine (HOST, PORT) when
  there is one, else from the index in INDEX_DIR (built from CORPUS_DIR and UPLOAD_DIR if needed; about a second once
  built).
  --json    the whole answer as JSON (as /api/ask returns it)
  --local   answer from the index here even when a server is running`);

const args = process.argv.slice(2);
const json = args.includes('--json');
const local = args.includes('--local');
const question = args.filter((a) => a !== '--json' && a !== '--local').join(' ').trim();
if (!question) {
  process.stderr.write('usage: npm run ask -- "平陆招商目标是多少" [--json] [--local]\n');
  process.exit(2);
}
const config = loadConfig(process.env);
const served = local ? undefined : await askRunningServer(localUrl(config.HOST, config.PORT), question);
// The index, the model and the segmenter are loaded only when no server answered (their modules take a second to import).
const opened = served ? undefined : await openLocally();
async function openLocally() {
  const [{ openIndex }, { createLogger }] = await Promise.all([import('./open-index.js'), import('../../adapters/node/logger.js')]);
  return openIndex(config, { log: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 'stderr'), oneQuestion: true });
}
const answer = served ?? (await opened!.engine.ask(question));
if (json) {
  process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
} else {
  process.stdout.write(`\n问：${question}\n`);
  if (answer.query !== question) process.stdout.write(`（检索：${answer.query}）\n`);
  process.stdout.write(`答：${answer.answer}\n`);
  for (const c of answer.citations) {
    const snippet = c.text.replace(/\s+/g, ' ').slice(0, 80);
    process.stdout.write(`\n[${c.n}] ${passageLabel(c)} (${c.source}, score ${c.score})\n    ${snippet}…\n`);
  }
}
await opened?.close();
