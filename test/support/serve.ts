/** Serves a Hono app on 127.0.0.1 with a free port, for tests that need a real socket (openai client, aborts, raw bytes). */
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { answerClientErrorsWithJson } from '../../src/adapters/node/client-errors.js';

export async function serveOnLoopback(app: Hono): Promise<{ url: string; port: number; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server: ReturnType<typeof serve> = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
    answerClientErrorsWithJson(server);
  });
}

/** Parses a text/event-stream body into events. */
export function parseSse(text: string): { event: string; data: string }[] {
  return text
    .split(/\n\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      return { event, data };
    });
}
