/** @module server-process: the real server (`src/entries/node/server.ts`) as a child process on 127.0.0.1. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
const SERVER = 'src/entries/node/server.ts';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() when the process was seen to exit. */
  at: number;
}

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** Its JSON log lines so far. */
  logs(): Record<string, unknown>[];
  exited: Promise<Exit>;
  running(): boolean;
  /** Sends SIGTERM now and remembers when (`sigtermAt`, as performance.now()). */
  sigterm(): void;
  sigtermAt?: number;
  /** Sends SIGTERM and waits (bounded) for the exit; kills it if it does not come. */
  stop(timeoutMs?: number): Promise<Exit & { afterMs: number }>;
}

export interface StartOptions {
  corpus: string;
  /** UPLOAD_DIR (must exist). */
  uploads: string;
  index: string;
  env?: Record<string, string>;
  /** A command to run the server under (e.g. `unshare … sh -c '… exec "$@"' sh`); it must exec the server. */
  wrap?: string[];
  /** How long to wait for /healthz (an index build on a busy 2-core machine is slow). */
  readyTimeoutMs?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => done(port));
      });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server and resolves once /healthz says 200; rejects with its last output if it exits or never gets there. */
export async function startServer(options: StartOptions, register: (child: ChildProcess) => void): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const argv = [process.execPath, '--import', 'tsx', SERVER];
  const [command, ...args] = [...(options.wrap ?? []), ...argv];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CORPUS_DIR: options.corpus,
      UPLOAD_DIR: options.uploads,
      INDEX_DIR: options.index,
      MODELS_DIR: join(ROOT, 'models'),
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  register(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  let done: Exit | undefined;
  const exited = new Promise<Exit>((r) =>
    child.once('exit', (code, signal) => {
      done = { code, signal, at: performance.now() };
      r(done);
    }),
  );
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
  const server: ServerProcess = {
    url,
    pid: child.pid!,
    child,
    output: () => out,
    logs,
    exited,
    running: () => !done,
    sigterm() {
      server.sigtermAt = performance.now();
      child.kill('SIGTERM');
    },
    async stop(timeoutMs = 60_000) {
      const sent = performance.now();
      if (!done) server.sigterm();
      const exit = await Promise.race([exited, sleep(timeoutMs).then(() => undefined)]);
      if (!exit) {
        child.kill('SIGKILL');
        const killed = await exited;
        return { ...killed, afterMs: killed.at - sent };
      }
      return { ...exit, afterMs: Math.max(0, exit.at - sent) };
    },
  };
  const deadline = performance.now() + (options.readyTimeoutMs ?? 180_000);
  while (performance.now() < deadline) {
    if (done) throw new Error(`the server exited (${done.code ?? done.signal}) before it was ready:\n${tail(out)}`);
    const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
    if (ok) return server;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the server was not ready within ${options.readyTimeoutMs ?? 180_000} ms:\n${tail(out)}`);
}

/** The last lines the server printed, without its per-request log lines (the /healthz polling). */
const tail = (text: string, lines = 12) =>
  text
    .trim()
    .split('\n')
    .filter((l) => !l.includes('"msg":"request"'))
    .slice(-lines)
    .join('\n');

/** Resident memory of a process now, in MB (Linux /proc). */
export async function rssMb(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = status.match(/VmRSS:\s+(\d+)/)?.[1];
  return kb === undefined ? undefined : Number(kb) / 1024;
}

/** The highest resident memory of `pid` seen while `work` runs, sampled every 10 ms, with the memory before it. */
export async function rssDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; beforeMb?: number; peakMb?: number }> {
  const beforeMb = await rssMb(pid);
  let peakMb = beforeMb;
  let running = true;
  const sampling = (async () => {
    while (running) {
      const now = await rssMb(pid);
      if (now !== undefined) peakMb = Math.max(peakMb ?? 0, now);
      await sleep(10);
    }
  })();
  try {
    const result = await work();
    running = false;
    await sampling;
    return { result, beforeMb, peakMb };
  } finally {
    running = false;
  }
}
