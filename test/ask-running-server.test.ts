/** `npm run ask` goes through the server running on this machine when there is one, and loads the index itself otherwise. */
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { askRunningServer, localUrl } from '../src/entries/node/ask-running-server.js';
import type { Answer } from '../src/core/types.js';
import { serveOnLoopback } from './support/serve.js';

const ANSWER: Answer = { answer: '力争全年招商项目达到50个。[1]', found: true, query: '平陆招商目标是多少', citations: [] };

describe('ask through a running server', () => {
  it('reaches a server bound to every interface on 127.0.0.1', () => {
    expect(localUrl('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000');
    expect(localUrl('::', 3000)).toBe('http://127.0.0.1:3000');
    expect(localUrl('::1', 8080)).toBe('http://[::1]:8080');
    expect(localUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
  });

  it('returns the server’s answer', async () => {
    const questions: string[] = [];
    const app = new Hono().post('/api/ask', async (c) => {
      questions.push(((await c.req.json()) as { question: string }).question);
      return c.json(ANSWER);
    });
    const server = await serveOnLoopback(app);
    try {
      expect(await askRunningServer(server.url, '平陆招商目标是多少')).toEqual(ANSWER);
      expect(questions).toEqual(['平陆招商目标是多少']);
    } finally {
      await server.close();
    }
  });

  it('gives nothing back when no server listens, one is still starting, or another program holds the port', async () => {
    const starting = await serveOnLoopback(new Hono().post('/api/ask', (c) => c.json({ status: 'starting' }, 503)));
    const other = await serveOnLoopback(new Hono().post('/api/ask', (c) => c.html('<h1>hello</h1>')));
    const gone = await serveOnLoopback(new Hono());
    await gone.close();
    try {
      expect(await askRunningServer(starting.url, '平陆招商目标是多少')).toBeUndefined();
      expect(await askRunningServer(other.url, '平陆招商目标是多少')).toBeUndefined();
      expect(await askRunningServer(gone.url, '平陆招商目标是多少')).toBeUndefined();
    } finally {
      await Promise.all([starting.close(), other.close()]);
    }
  });
});
