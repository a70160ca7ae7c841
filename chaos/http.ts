/** @module http: requests to the server under test, always bounded in time, and readings of what came back. */
import { connect } from 'node:net';

export const ADMIN_TOKEN = 'chaos-admin-token';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The body as JSON, when it is JSON. */
  json?: any;
}

/** fetch with a time limit; a connection error is a rejection, as with fetch. */
export async function request(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Reply> {
  const { timeoutMs = 60_000, ...rest } = init;
  const res = await fetch(url, { ...rest, signal: rest.signal ?? AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** `{"error": {"code", "message"}}` and nothing else, without a stack trace: the code, or why the body is not that. */
export function errorCode(reply: Reply): { code?: string; problem?: string } {
  const e = reply.json?.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string') return { problem: `not an error of the spec's shape: ${short(reply.text)}` };
  if (Object.keys(reply.json).length !== 1) return { problem: `extra keys beside "error": ${Object.keys(reply.json).join(', ')}` };
  if (/\n\s+at /.test(reply.text) || /\.ts:\d+/.test(reply.text)) return { problem: `a stack trace in the body: ${short(reply.text)}` };
  return { code: e.code };
}

/** `status code: message` of an error reply, for the report. */
export const described = (reply: Reply) =>
  reply.json?.error ? `${reply.status} ${reply.json.error.code}: ${short(reply.json.error.message, 160)}` : `${reply.status} ${short(reply.text)}`;

export const short = (text: string, max = 100) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
};

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** The bot's answer to a question ('' when it found nothing). */
export async function ask(url: string, question: string, headers: Record<string, string> = {}): Promise<string> {
  const reply = await request(`${url}/api/ask`, json({ question }, headers));
  if (reply.status !== 200) throw new Error(`ask “${question}”: ${described(reply)}`);
  return reply.json.found ? String(reply.json.answer) : '';
}

/** Uploads text as JSON `{name, text}`. */
export const uploadText = (url: string, name: string, text: string, timeoutMs?: number) =>
  request(`${url}/api/documents`, { ...json({ name, text }, admin), timeoutMs });

/** Uploads a file as multipart/form-data (field "file"). */
export function uploadFile(url: string, name: string, bytes: Uint8Array, timeoutMs?: number): Promise<Reply> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return request(`${url}/api/documents`, { method: 'POST', headers: admin, body: form, timeoutMs });
}

export interface Listing {
  documents: { id: string; source: string; chunks: number }[];
  failed: { source: string; bytes: number; reason: string }[];
}

export async function listDocuments(url: string): Promise<Listing> {
  const reply = await request(`${url}/api/documents`, { headers: admin });
  if (reply.status !== 200) throw new Error(`GET /api/documents: ${described(reply)}`);
  return reply.json as Listing;
}

/** Sends raw bytes on a fresh connection and returns what comes back until the server closes it (bounded). */
export function rawExchange(port: number, bytes: string | Uint8Array, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(got);
    }, timeoutMs);
    socket.on('data', (d) => (got += d));
    socket.on('error', (e) => {
      clearTimeout(timer);
      if (got) resolve(got);
      else reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.write(bytes);
  });
}
