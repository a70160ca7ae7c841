/** A bounded HTTP load generator for 127.0.0.1: N concurrent keep-alive clients for a fixed time. */
import http from 'node:http';

export interface LoadResult {
  concurrency: number;
  seconds: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (n: number) => Math.round(n * 10) / 10;

function postJson(agent: http.Agent, port: number, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `concurrency` clients sending questions in turn until `seconds` have passed (and at most `maxRequests`). */
export async function runLoad(options: {
  port: number;
  path: string;
  bodies: string[];
  concurrency: number;
  seconds: number;
  maxRequests?: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const max = options.maxRequests ?? 1_000_000;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  async function client() {
    while (performance.now() < deadline && next < max) {
      const body = options.bodies[next++ % options.bodies.length];
      const t = performance.now();
      try {
        const status = await postJson(agent, options.port, options.path, body);
        if (status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    concurrency: options.concurrency,
    seconds: round(elapsed),
    requests: latencies.length,
    errors,
    rps: round(latencies.length / elapsed),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
  };
}
