/**
 * @module running-server: whether a zhida server answers on this machine's HOST:PORT. A server keeps answering from
 * the index it loaded; `npm run index` says so instead of letting the user think the server now sees the changes.
 */

/** How long to wait for /healthz before deciding nothing is there. */
const PROBE_TIMEOUT_MS = 1500;

/** True when `baseUrl` answers /healthz as zhida does (`{"status": "ok"}`, or 503 `{"status": "starting"}`). */
export async function isServerRunning(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!res.headers.get('content-type')?.includes('application/json')) return false;
    const body = (await res.json()) as { status?: unknown };
    return body.status === 'ok' || body.status === 'starting';
  } catch {
    return false;
  }
}

/** What `npm run index` tells the user when a server was running while it indexed. */
export const restartNotice = (baseUrl: string): string =>
  `A zhida server is running on ${baseUrl}: it keeps answering from the index it loaded and does not see these changes. Restart it to serve them.`;
