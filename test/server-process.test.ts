import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { openTestIndex, seedCorpus, MODELS } from './support/open-test-index.js';
import { serveOnLoopback } from './support/serve.js';

const ROOT = join(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entries/node/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', MODELS_DIR: MODELS, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, output: () => out };
}

async function waitHealthy(url: string) {
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

describe('the server process', () => {
  it('finishes an upload in flight on SIGTERM, persists it, exits 0, and logs JSON lines', async () => {
    const corpus = await seedCorpus();
    const { indexDir, uploadDir } = await openTestIndex(corpus);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), CORPUS_DIR: corpus, INDEX_DIR: indexDir, UPLOAD_DIR: uploadDir, ADMIN_TOKEN: 't', WECHAT_TOKEN: 'AAAAA' };
    const server = startServer(env);
    await waitHealthy(url);
    // WECHAT_TOKEN turns the WeChat endpoint on (a verification signed now: old timestamps are refused as replays).
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHash('sha1').update(['AAAAA', timestamp, '1514711492'].sort().join('')).digest('hex');
    const verify = await fetch(`${url}/wechat?signature=${signature}&timestamp=${timestamp}&nonce=1514711492&echostr=4375120948345356249`);
    expect(await verify.text()).toBe('4375120948345356249');

    const upload = fetch(`${url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: JSON.stringify({ name: '红岩乡简报.md', text: '# 红岩乡简报\n\n红岩乡今年计划新修水渠18公里。' }),
    });
    await new Promise((r) => setTimeout(r, 15));
    server.child.kill('SIGTERM');
    const res = await upload.catch((e) => {
      throw new Error(`${e}\n${server.output()}`);
    });
    expect(res.status).toBe(201);
    expect(await server.exited).toBe(0);
    const lines = server.output().split('\n').filter((l) => l.startsWith('{'));
    expect(lines.some((l) => JSON.parse(l).msg === 'stopped')).toBe(true);
    // The port opens before the index loads (a load balancer sees 503 “starting”, not a refused connection).
    const messages = lines.map((l) => String(JSON.parse(l).msg));
    const listening = messages.findIndex((m) => m.startsWith('listening on'));
    expect(listening).toBeGreaterThanOrEqual(0);
    expect(listening).toBeLessThan(messages.indexOf('ready'));
    expect(lines.some((l) => JSON.parse(l).route === '/api/documents')).toBe(true);

    const again = startServer(env);
    await waitHealthy(url);
    const ask = await (await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '红岩乡今年计划新修多少公里水渠' }) })).json();
    expect(ask.answer).toContain('18公里');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }); // two server starts and an index build: slow on a busy 2-core machine, whatever the code does (the config's guard)
});

/** Runs an entry as its npm script does: through tsx, or (`bundled`) from the cached bundle of bin/run-bundled.mjs. */
function runTool(script: string, args: string[], env: Record<string, string>, { bundled = false } = {}) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [...(bundled ? ['bin/run-bundled.mjs'] : ['--import', 'tsx']), script, ...args], {
      cwd: ROOT,
      env: { ...process.env, MODELS_DIR: MODELS, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('the command-line tools', () => {
  it('print their usage on --help and exit 0, and name an unknown option', async () => {
    for (const script of ['cli-ask', 'cli-index', 'cli-eval', 'cli-push', 'cli-train']) {
      const help = await runTool(`src/entries/node/${script}.ts`, ['--help'], {});
      expect(help.code, help.out).toBe(0);
      expect(help.out).toMatch(/^usage: /);
    }
    const unknown = await runTool('src/entries/node/cli-train.ts', ['--bogus'], {});
    expect(unknown.code).toBe(1);
    expect(unknown.out.trim()).toBe("zhida: Unknown option '--bogus'; see --help");
  });

  it('say in one line, without a stack trace, what is wrong with the settings, and exit 1', async () => {
    const missing = join(await mkdtemp(join(tmpdir(), 'zhida-')), '不存在');
    for (const script of ['src/entries/node/server.ts', 'src/entries/node/cli-ask.ts', 'src/entries/node/cli-index.ts']) {
      const args = script.endsWith('cli-ask.ts') ? ['平陆招商目标是多少'] : [];
      const noCorpus = await runTool(script, args, { CORPUS_DIR: missing, INDEX_DIR: join(missing, 'index'), PORT: '0' });
      expect(noCorpus.code, noCorpus.out).toBe(1);
      expect(noCorpus.out.trim().split('\n')).toEqual([`zhida: CORPUS_DIR: ${missing} does not exist; create it or point CORPUS_DIR at the documents' folder.`]);
    }
    const badPort = await runTool('src/entries/node/cli-index.ts', [], { PORT: 'abc' });
    expect(badPort.code).toBe(1);
    expect(badPort.out.trim()).toMatch(/^zhida: Invalid configuration: PORT: [^\n]+$/);
  });


  it('say in one line what is wrong with UPLOAD_DIR: missing, not a folder, or overlapping the corpus folder', async () => {
    const corpus = await seedCorpus();
    const scratch = await mkdtemp(join(tmpdir(), 'zhida-'));
    const missing = join(scratch, '不存在');
    const file = join(scratch, 'file.txt');
    await writeFile(file, 'x');
    for (const [dir, said] of [
      [missing, `UPLOAD_DIR: ${missing} does not exist; create it or point UPLOAD_DIR at the folder for uploaded documents.`],
      [file, `UPLOAD_DIR: ${file} is not a folder; create it or point UPLOAD_DIR at the folder for uploaded documents.`],
      [join(corpus, 'up'), `UPLOAD_DIR: ${join(corpus, 'up')} and CORPUS_DIR ${corpus} overlap; uploads must go to a folder of their own, outside the corpus folder.`],
    ]) {
      for (const script of ['src/entries/node/server.ts', 'src/entries/node/cli-index.ts']) {
        const run = await runTool(script, [], { CORPUS_DIR: corpus, INDEX_DIR: join(scratch, 'index'), UPLOAD_DIR: dir, PORT: '0' });
        expect(run.code, run.out).toBe(1);
        expect(run.out.trim().split('\n')).toEqual([`zhida: ${said}`]);
      }
    }
  });

  it('npm run index says plainly that a server running on HOST:PORT must be restarted to serve its changes', async () => {
    const corpus = await seedCorpus();
    const { indexDir, uploadDir } = await openTestIndex(corpus);
    // Stands in for a zhida server: the command asks /healthz on 127.0.0.1:PORT.
    const running = await serveOnLoopback(new Hono().get('/healthz', (c) => c.json({ status: 'ok', documents: 5, chunks: 142 })));
    try {
      const index = await runTool('src/entries/node/cli-index.ts', [], { CORPUS_DIR: corpus, INDEX_DIR: indexDir, UPLOAD_DIR: uploadDir, HOST: '0.0.0.0', PORT: String(running.port) });
      expect(index.code, index.out).toBe(0);
      const notice = `A zhida server is running on ${running.url}: it keeps answering from the index it loaded and does not see these changes. Restart it to serve them.`;
      const lines = index.out.trim().split('\n');
      expect(lines[0]).toBe(notice);
      expect(lines.at(-1)).toBe(notice);
    } finally {
      await running.close();
    }
  });

  it('npm run index and npm run ask finish by themselves and print the answer', async () => {
    const corpus = await seedCorpus();
    const { indexDir, uploadDir } = await openTestIndex(corpus);
    // A port nothing listens on: no server to ask, none to warn about.
    const port = String(await freePort());
    const run = (script: string, args: string[], bundled = false) => runTool(script, args, { CORPUS_DIR: corpus, INDEX_DIR: indexDir, UPLOAD_DIR: uploadDir, PORT: port }, { bundled });
    const index = await run('src/entries/node/cli-index.ts', []);
    expect(index.code, index.out).toBe(0);
    expect(index.out).toMatch(/index ready: 5 documents/);
    expect(index.out).not.toMatch(/server is running/);
    const ask = await run('src/entries/node/cli-ask.ts', ['平陆招商目标是多少']);
    expect(ask.code, ask.out).toBe(0);
    expect(ask.out).toMatch(/答：.*50个/);
    // As npm run ask runs it: from the bundle, the same answer (its help too, with the entry's own arguments).
    const bundled = await run('src/entries/node/cli-ask.ts', ['平陆招商目标是多少'], true);
    expect(bundled.code, bundled.out).toBe(0);
    expect(bundled.out).toBe(ask.out);
    const help = await run('src/entries/node/cli-ask.ts', ['--help'], true);
    expect(help.out).toMatch(/^usage: npm run ask/);
  });
});
