/**
 * @module ask-running-server: `npm run ask` asks the server on this machine when one is running (it has the model and
 * the index loaded already: an answer in milliseconds instead of seconds of loading).
 */
import type { Answer } from '../../core/types.js';

/** How long to wait for a local server before loading the index here instead. */
const CONNECT_TIMEOUT_MS = 1500;

/** The local address a server bound to `host` answers on. */
export const localUrl = (host: string, port: number): string =>
  `http://${host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}`;

/**
 * The server's answer, or undefined when no server answers there (nothing listening, still starting, another program
 * on the port): the caller then answers from the index itself.
 */
export async function askRunningServer(baseUrl: string, question: string): Promise<Answer | undefined> {
  try {
    const res = await fetch(`${baseUrl}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
      signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS),
    });
    if (!res.ok || !res.headers.get('content-type')?.includes('application/json')) return undefined;
    const body = (await res.json()) as Answer;
    return typeof body.answer === 'string' && Array.isArray(body.citations) ? body : undefined;
  } catch {
    return undefined;
  }
}
