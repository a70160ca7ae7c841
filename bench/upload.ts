/**
 * `npm run bench:upload`: question latency while a large text file is uploaded and indexed, against the same server
 * idle. The upload (BENCH_UPLOAD_MB, default 15 MB of the seed corpus's paragraphs, shuffled) goes to a server child
 * process on 127.0.0.1; one client asks a question every BENCH_ASK_EVERY_MS (default 200) meanwhile, and a probe
 * requests /healthz every 25 ms: its slowest answer is about the longest stretch the server's event loop was blocked.
 * Once the upload is answered, the same goes on for BENCH_AFTER_SECONDS (default 15) with English questions first: the
 * first English question after a corpus changes rebuilds the translator (in slices, while the old one answers).
 * Prints a table and writes bench/results/upload.json. BENCH_IDLE_SECONDS (default 20) sets the length of the idle run.
 */
import http from 'node:http';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { random } from './synthetic-corpus.js';
import { devItems, loadQuestions } from './questions.js';
import { percentile } from './load.js';
import { peakRssMb, startServer } from './server-process.js';

const ROOT = resolve(import.meta.dirname, '..');
const MB = Number(process.env.BENCH_UPLOAD_MB ?? 15);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 20);
const AFTER_SECONDS = Number(process.env.BENCH_AFTER_SECONDS ?? 15);
// A steady client, not a saturating one: back-to-back questions would take the CPU the embedding needs.
const ASK_EVERY_MS = Number(process.env.BENCH_ASK_EVERY_MS ?? 200);
const TOKEN = 'bench-admin-token';
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** `bytes` of UTF-8 text: the seed documents' paragraphs in a shuffled order, repeated. */
async function largeText(bytes: number): Promise<string> {
  const dir = join(ROOT, 'seeds');
  const paragraphs: string[] = [];
  for (const f of (await readdir(dir)).sort()) {
    paragraphs.push(...(await readFile(join(dir, f), 'utf8')).split(/\n+/).filter((p) => p.trim()));
  }
  const next = random(15);
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = paragraphs[Math.floor(next() * paragraphs.length)];
    out.push(p);
    size += Buffer.byteLength(p) + 1;
  }
  return out.join('\n');
}

interface Series {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const summary = (latencies: number[], errors: number): Series => ({
  requests: latencies.length,
  errors,
  p50: round(percentile(latencies, 50)),
  p95: round(percentile(latencies, 95)),
  p99: round(percentile(latencies, 99)),
  max: round(Math.max(0, ...latencies)),
});

/** A question every ASK_EVERY_MS, and /healthz every 25 ms, until `until` settles; latencies of both. */
async function measure(port: number, until: Promise<unknown>, questions = loadQuestions()): Promise<{ ask: Series; healthz: Series }> {
  let done = false;
  void until.finally(() => (done = true));
  const asked: number[] = [];
  const probed: number[] = [];
  let askErrors = 0;
  let probeErrors = 0;
  const timed = async (request: () => Promise<Response>, into: number[]): Promise<boolean> => {
    const t = performance.now();
    const ok = await request().then(
      async (r) => (await r.arrayBuffer(), r.ok),
      () => false,
    );
    into.push(performance.now() - t);
    return ok;
  };
  const ask = async () => {
    for (let i = 0; !done; i++) {
      const body = JSON.stringify({ question: questions[i % questions.length] });
      const request = () => fetch(`http://127.0.0.1:${port}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (!(await timed(request, asked))) askErrors++;
      await new Promise((r) => setTimeout(r, ASK_EVERY_MS));
    }
  };
  const probe = async () => {
    while (!done) {
      if (!(await timed(() => fetch(`http://127.0.0.1:${port}/healthz`), probed))) probeErrors++;
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  await Promise.all([ask(), probe(), until.catch(() => undefined)]);
  return { ask: summary(asked, askErrors), healthz: summary(probed, probeErrors) };
}

const text = await largeText(MB * 1024 * 1024);
const bytes = Buffer.from(text);
const corpus = await mkdtemp(join(tmpdir(), 'zhida-bench-upload-corpus-'));
await cp(join(ROOT, 'seeds'), corpus, { recursive: true });
const indexDir = await mkdtemp(join(tmpdir(), 'zhida-bench-upload-index-'));
const uploadDir = await mkdtemp(join(tmpdir(), 'zhida-bench-upload-uploads-'));
const { child, port } = await startServer(
  { CORPUS_DIR: corpus, INDEX_DIR: indexDir, UPLOAD_DIR: uploadDir, ADMIN_TOKEN: TOKEN, UPLOAD_MAX_BYTES: String(bytes.length + 1024 * 1024), UPLOAD_TIMEOUT_MS: '7200000' },
  300_000,
);
// Warm-up, then the idle baseline.
await measure(port, new Promise((r) => setTimeout(r, 3000)));
const idle = await measure(port, new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000)));

/** Posts the file as multipart/form-data over node:http, which unlike fetch sets no time limit on the answer. */
async function postFile(name: string, data: Buffer): Promise<{ status: number; body: { chunks?: number; error?: { code: string; message: string } } }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'text/plain' }), name);
  // The multipart encoding is the platform's (a Request's body), sent as it is.
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/documents',
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': encoded.headers.get('content-type')!, 'content-length': body.length },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const started = performance.now();
const upload = postFile(`bench-upload-${MB}mb.txt`, bytes);
const during = await measure(port, upload);
const uploaded = await upload;
const uploadSeconds = (performance.now() - started) / 1000;
// Right after the document is adopted: English questions first, then the rest.
const english = devItems('eval/seeds/english.jsonl').map((d) => d.question);
const after = await measure(port, new Promise((r) => setTimeout(r, AFTER_SECONDS * 1000)), [...english, ...loadQuestions()]);
const serverRss = await peakRssMb(child.pid!);
child.kill('SIGTERM');

const result = {
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  upload: { megabytes: round(bytes.length / 1024 / 1024, 2), status: uploaded.status, chunks: uploaded.body.chunks, error: uploaded.body.error, seconds: round(uploadSeconds) },
  idle,
  during_upload: during,
  after_upload: after,
  peak_rss_mb_server: round(serverRss),
  notes: `One client asks a question ${ASK_EVERY_MS} ms after each answer (query-embedding cache off); /healthz is probed every 25 ms. healthz max ≈ the longest event-loop stall.`,
};
await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(join(ROOT, 'bench/results/upload.json'), JSON.stringify(result, null, 2));

const line = (s: Series) => `p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  max ${s.max} ms  (${s.requests} requests, ${s.errors} errors)`;
const rows: [string, string][] = [
  ['upload', `${result.upload.megabytes} MB text → ${uploaded.status}${uploaded.body.chunks ? `, ${uploaded.body.chunks} chunks` : ''}${uploaded.body.error ? ` ${uploaded.body.error.code}` : ''} in ${result.upload.seconds} s`],
  ['/api/ask idle', line(idle.ask)],
  ['/api/ask during upload', line(during.ask)],
  [`/api/ask ${AFTER_SECONDS} s after (English first)`, line(after.ask)],
  ['/healthz idle', line(idle.healthz)],
  ['/healthz during upload', line(during.healthz)],
  [`/healthz ${AFTER_SECONDS} s after`, line(after.healthz)],
  ['peak RSS', `server ${result.peak_rss_mb_server} MB`],
];
const width = Math.max(...rows.map(([k]) => k.length));
process.stdout.write(`\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n\nwritten bench/results/upload.json\n`);
process.exit(0);
