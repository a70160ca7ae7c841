/** Starting the real server in a child process for benchmarks, and reading its memory from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** Peak resident memory of a process and its descendants, the largest one. */
export async function peakRssMb(pid: number): Promise<number> {
  const own = await readFile(`/proc/${pid}/status`, 'utf8').then((s) => Number(s.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024, () => 0);
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const peaks = await Promise.all(children.split(/\s+/).filter(Boolean).map((c) => peakRssMb(Number(c))));
  return Math.max(own, ...peaks);
}

/** `npm start`'s server on 127.0.0.1 with `env` on top of the benchmark defaults; resolves once /healthz answers. */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<{ child: ChildProcess; port: number; startupMs: number }> {
  const port = await freePort();
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS: extra Node flags for the server (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof, --trace-gc).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/entries/node/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', QUERY_CACHE_SIZE: '0', RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', nodeArgs.length > 0 ? 'inherit' : 'ignore', 'inherit'],
  });
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok).catch(() => false);
    if (ok) return { child, port, startupMs: performance.now() - started };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error('server did not start');
}
