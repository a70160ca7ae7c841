/**
 * @module sigterm-upload: SIGTERM while an upload is being indexed or is still arriving, with a grace period long
 * enough to finish it and with one too short; after each, a restart shows the document whole or not at all.
 */
import { request as httpRequest } from 'node:http';
import { check, type Check, type Scenario } from './scenario.js';
import { longReport } from './files.js';
import { admin, described, listDocuments, short, uploadText, type Reply } from './http.js';
import { documentState, leftovers, uploaded, type Probe } from './inspect.js';
import type { Fixture } from './lab.js';
import type { ServerProcess } from './server-process.js';

/** Big enough that indexing it takes seconds here, so that SIGTERM lands while it is under way. */
const REPORT_BYTES = 150 * 1024;
const SIGTERM_AFTER_MS = 1000;
const LONG_GRACE_MS = 120_000;
const SHORT_GRACE_MS = 1000;
/** Beyond the grace: the process may be busy (a blocked event loop, a busy machine) before it can act on the timer. */
const EXIT_SLACK_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Case {
  tried: string;
  graceMs: number;
  probe: Probe;
  /** Sends the upload, SIGTERMs the server during it, and says what the client saw. */
  act(server: ServerProcess, text: string): Promise<{ client: string; acknowledged: boolean; early?: boolean }>;
}

const report = (place: string, line: { sentence: string; question: string; expect: string }): Probe & { lead: string } => ({
  name: `${place}年度报告.md`,
  question: line.question,
  expect: line.expect,
  lead: `# ${place}年度报告\n\n${line.sentence}`,
});

/** Fetch-based upload with SIGTERM after a delay. */
const whileIndexing: Case['act'] = async (server, text) => {
  const started = performance.now();
  const upload = uploadText(server.url, source(text), text, 300_000).then(
    (r) => ({ reply: r, at: performance.now() }),
    (e: Error) => ({ error: e, at: performance.now() }),
  );
  await sleep(SIGTERM_AFTER_MS);
  server.sigterm();
  const signalled = server.sigtermAt!;
  const got = await upload;
  const when = `${((got.at - signalled) / 1000).toFixed(1)} s after SIGTERM (sent ${((signalled - started) / 1000).toFixed(1)} s into the upload)`;
  if ('error' in got) return { client: `connection ended (${short(String(got.error.cause ?? got.error.message), 40)}) ${when}`, acknowledged: false };
  // An upload done before the signal tests nothing about shutting down.
  const early = got.at < signalled;
  return { client: `${got.reply.status === 201 ? '201' : described(got.reply)} ${when}${early ? ': before SIGTERM, so nothing was in flight' : ''}`, acknowledged: got.reply.status === 201, early };
};

/** A client that sends half the body, is overtaken by SIGTERM, then (with `finish`) sends the rest. */
const whileArriving =
  (finish: boolean): Case['act'] =>
  (server, text) =>
    new Promise((resolve) => {
      const body = Buffer.from(JSON.stringify({ name: source(text), text }));
      const req = httpRequest(`${server.url}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: admin.authorization },
      });
      req.on('response', (res) => {
        let raw = '';
        res.on('data', (d) => (raw += d));
        res.on('end', () => {
          const reply: Reply = { status: res.statusCode ?? 0, headers: new Headers(), text: raw };
          try {
            reply.json = JSON.parse(raw);
          } catch {
            /* not JSON: described() shows the text */
          }
          const when = `${((performance.now() - server.sigtermAt!) / 1000).toFixed(1)} s after SIGTERM`;
          resolve({ client: `${reply.status === 201 ? '201' : described(reply)} ${when}`, acknowledged: reply.status === 201 });
        });
      });
      req.on('error', (e) => resolve({ client: `connection ended (${short(e.message, 40)}) with half the body sent`, acknowledged: false }));
      req.write(body.subarray(0, body.length >> 1));
      setTimeout(() => {
        server.sigterm();
        if (finish) setTimeout(() => req.end(body.subarray(body.length >> 1)), 500);
      }, 300);
    });

/** The document's name is the report's heading (its first line). */
const source = (text: string) => `${text.slice(2, text.indexOf('\n'))}.md`;

export const sigtermUpload: Scenario = {
  name: 'sigterm-upload',
  async *run(lab) {
    const red = report('红岩乡', { sentence: '红岩乡今年计划新修水渠18公里。', question: '红岩乡今年计划新修多少公里水渠', expect: '18公里' });
    const white = report('白云村', { sentence: '白云村今年计划新建温室大棚36个。', question: '白云村今年计划新建多少个温室大棚', expect: '36个' });
    const green = report('绿水镇', { sentence: '绿水镇今年计划改造农村公路42公里。', question: '绿水镇今年计划改造多少公里农村公路', expect: '42公里' });
    const blue = report('蓝田村', { sentence: '蓝田村今年计划新打机井9眼。', question: '蓝田村今年计划新打多少眼机井', expect: '9眼' });
    const cases: (Case & { lead: string })[] = [
      { ...red, probe: red, graceMs: LONG_GRACE_MS, tried: `SIGTERM ${SIGTERM_AFTER_MS / 1000} s into indexing a ${REPORT_BYTES >> 10} KB upload, SHUTDOWN_GRACE_MS=${LONG_GRACE_MS}`, act: whileIndexing },
      { ...white, probe: white, graceMs: LONG_GRACE_MS, tried: `SIGTERM while a client is still sending an upload, then sends the rest, SHUTDOWN_GRACE_MS=${LONG_GRACE_MS}`, act: whileArriving(true) },
      { ...green, probe: green, graceMs: SHORT_GRACE_MS, tried: `SIGTERM ${SIGTERM_AFTER_MS / 1000} s into indexing a ${REPORT_BYTES >> 10} KB upload, SHUTDOWN_GRACE_MS=${SHORT_GRACE_MS}`, act: whileIndexing },
      { ...blue, probe: blue, graceMs: SHORT_GRACE_MS, tried: `SIGTERM while a client has sent half an upload and stalls, SHUTDOWN_GRACE_MS=${SHORT_GRACE_MS}`, act: whileArriving(false) },
    ];
    const fixture = await lab.fixture('sigterm');
    let previous: { probe: Probe; acknowledged: boolean } | undefined;
    for (const c of cases) {
      const server = await lab.start(fixture, { SHUTDOWN_GRACE_MS: String(c.graceMs) });
      if (previous) yield await afterRestart(server, fixture, previous.probe, previous.acknowledged);
      const text = longReport(c.lead, lab.filler, c.act === whileIndexing ? REPORT_BYTES : 8 * 1024);
      const { client, acknowledged, early = false } = await c.act(server, text);
      const exit = await server.exited;
      const afterMs = exit.at - server.sigtermAt!;
      const inTime = afterMs <= c.graceMs + EXIT_SLACK_MS;
      const clean = exit.code === 0 ? acknowledged : exit.code === 1;
      // A process killed by a signal (an abort in a native addon) says why on its last lines that are not JSON logs.
      const said = exit.signal ? server.output().trim().split('\n').filter((l) => !l.startsWith('{')).slice(-2).join(' ') : '';
      yield check(
        c.tried,
        inTime && clean && !early,
        `client: ${client}; process exit ${exit.code ?? exit.signal} ${(afterMs / 1000).toFixed(1)} s after SIGTERM${inTime ? '' : ` (over the grace plus ${EXIT_SLACK_MS / 1000} s)`}${said ? `, printing “${short(said, 120)}”` : ''}`,
      );
      previous = { probe: c.probe, acknowledged };
    }
    const server = await lab.start(fixture);
    yield await afterRestart(server, fixture, previous!.probe, previous!.acknowledged);
    await server.stop();
  },
};

/** The previous case's document after a restart: acknowledged → present; otherwise present or absent, never between. */
async function afterRestart(server: ServerProcess, fixture: Fixture, probe: Probe, acknowledged: boolean): Promise<Check> {
  const state = await documentState(server.url, fixture.uploads, probe);
  const left = await leftovers(fixture.index, { corpus: fixture.corpus, uploads: fixture.uploads });
  const chunks = (await listDocuments(server.url)).documents.find((d) => d.source === uploaded(probe))?.chunks;
  const whole = acknowledged ? state.verdict === 'present' : state.verdict !== 'half-applied';
  const note = !acknowledged && state.verdict === 'present' ? ' — indexed although the client never got a 201' : '';
  return check(
    `restart after it: ${uploaded(probe)} whole or absent, no temporary files`,
    whole && left.length === 0,
    `${acknowledged ? 'acknowledged' : 'never acknowledged'}; ${state.summary}${chunks ? `, ${chunks} chunks` : ''}${note}; temporary files ${left.length ? left.join(', ') : 'none'}`,
  );
}
