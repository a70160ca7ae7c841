/**
 * A fake OpenAI-compatible server on 127.0.0.1: a real HTTP server speaking the Chat Completions wire format
 * (JSON, or server-sent chunks when `stream` is true) that answers from a script and records every request.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scripted =
  /** Answers with this text (cut into several chunks when streaming); `finish` defaults to 'stop'. */
  | { text: string; finish?: 'stop' | 'length' }
  /** Answers with this HTTP status and an OpenAI-style error body. */
  | { status: number }
  /** Answers only after this long (or never, if the client leaves first). */
  | { text: string; delayMs: number };

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  max_tokens?: number;
  stream?: boolean;
  [key: string]: unknown;
}

export interface FakeOpenAI {
  /** The base URL to configure (LLM_BASE_URL), ending in /v1. */
  baseURL: string;
  requests: { path: string; headers: IncomingHttpHeaders; body: ChatRequest }[];
  /** Requests whose client went away while a slow answer was pending. */
  abandoned: number;
  /** What to answer next; gets the request so an answer can depend on the passages it was given. */
  script: (request: ChatRequest) => Scripted;
  close(): Promise<void>;
}

/** Pieces of a text, a few characters each, as a model streams them. */
const pieces = (text: string) => Array.from(text).reduce<string[]>((out, ch, i) => (i % 4 ? ((out[out.length - 1] += ch), out) : [...out, ch]), []);

export async function startFakeOpenAI(script: FakeOpenAI['script'] = () => ({ text: '' })): Promise<FakeOpenAI> {
  const fake: FakeOpenAI = { baseURL: '', requests: [], abandoned: 0, script, close: async () => {} };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    fake.requests.push({ path: req.url, headers: req.headers, body });
    const reply = fake.script(body);
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error', code: null } }));
      return;
    }
    if ('delayMs' in reply) {
      const left = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), reply.delayMs);
        res.on('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (left) {
        fake.abandoned++;
        return;
      }
    }
    const finish = 'finish' in reply && reply.finish ? reply.finish : 'stop';
    const id = 'chatcmpl-fake';
    const created = Math.floor(Date.now() / 1000);
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, logprobs: null, finish_reason: finish }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (delta: object, finishReason: string | null) =>
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] })}\n\n`);
    send({ role: 'assistant', content: '' }, null);
    for (const piece of pieces(reply.text)) send({ content: piece }, null);
    send({}, finish);
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
