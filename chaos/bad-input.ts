/** @module bad-input: malformed, oversized and hostile requests all get a 4xx JSON error of the spec's shape, and the server keeps answering. */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { check, type Scenario } from './scenario.js';
import { BASELINE } from './lab.js';
import { admin, ask, described, errorCode, json, listDocuments, rawExchange, request, short, uploadText, type Reply } from './http.js';

const MB = 1024 * 1024;

interface Probe {
  tried: string;
  send: (url: string) => Promise<Reply>;
  status: number;
  code: string;
}

const post = (path: string, body: BodyInit, type = 'application/json', headers: Record<string, string> = {}) => (url: string) =>
  request(`${url}${path}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body });

const PROBES: Probe[] = [
  { tried: 'POST /api/ask with truncated JSON', send: post('/api/ask', '{"question":'), status: 400, code: 'invalid_json' },
  { tried: 'POST /api/ask with bytes that are not UTF-8', send: post('/api/ask', new Uint8Array([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d])), status: 400, code: 'invalid_json' },
  { tried: 'POST /api/ask as text/plain', send: post('/api/ask', '平陆招商目标是多少', 'text/plain'), status: 415, code: 'unsupported_media_type' },
  { tried: 'POST /api/ask with a number for a question', send: (u) => request(`${u}/api/ask`, json({ question: 42 })), status: 400, code: 'bad_request' },
  { tried: 'POST /api/ask with an empty question', send: (u) => request(`${u}/api/ask`, json({ question: '' })), status: 400, code: 'question_empty' },
  { tried: 'POST /api/ask with a 300 KB body (MAX_BODY_BYTES 256 KB)', send: (u) => request(`${u}/api/ask`, json({ question: '平'.repeat(100_000) })), status: 413, code: 'payload_too_large' },
  { tried: 'POST /api/chat with no messages', send: (u) => request(`${u}/api/chat`, json({ messages: [] })), status: 400, code: 'bad_request' },
  { tried: 'POST /v1/chat/completions with a message of the wrong role', send: (u) => request(`${u}/v1/chat/completions`, json({ messages: [{ role: 'robot', content: 'hi' }] })), status: 400, code: 'bad_request' },
  { tried: 'GET /api/search with k=abc', send: (u) => request(`${u}/api/search?q=平陆&k=abc`), status: 400, code: 'bad_request' },
  { tried: 'GET an unknown route', send: (u) => request(`${u}/api/nothing-here`), status: 404, code: 'not_found' },
  { tried: 'DELETE /api/ask', send: (u) => request(`${u}/api/ask`, { method: 'DELETE' }), status: 405, code: 'method_not_allowed' },
  { tried: 'POST /api/documents without a token', send: (u) => request(`${u}/api/documents`, json({ name: 'a.md', text: '甲' })), status: 401, code: 'unauthorized' },
  { tried: 'POST /api/documents with a wrong token', send: (u) => request(`${u}/api/documents`, json({ name: 'a.md', text: '甲' }, { authorization: 'Bearer wrong' })), status: 401, code: 'unauthorized' },
  {
    tried: 'POST /api/documents with a 21 MB text (UPLOAD_MAX_BYTES 20 MB)',
    send: (u) => request(`${u}/api/documents`, json({ name: '巨大.md', text: '平'.repeat(7 * MB) }, admin)),
    status: 413,
    code: 'payload_too_large',
  },
  { tried: 'POST /api/documents with an .exe', send: (u) => uploadFileNamed(u, '程序.exe'), status: 415, code: 'unsupported_format' },
  { tried: 'POST /api/documents as multipart without the "file" field', send: (u) => request(`${u}/api/documents`, { method: 'POST', headers: admin, body: new FormData() }), status: 400, code: 'bad_request' },
  { tried: 'POST /api/documents with a name that is only dots and slashes', send: (u) => uploadText(u, '../../..', '甲乙丙'), status: 400, code: 'bad_request' },
  { tried: 'DELETE /api/documents/ of an id that does not exist', send: (u) => request(`${u}/api/documents/0123456789abcdef`, { method: 'DELETE', headers: admin }), status: 404, code: 'not_found' },
];

function uploadFileNamed(url: string, name: string): Promise<Reply> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])]), name);
  return request(`${url}/api/documents`, { method: 'POST', headers: admin, body: form });
}

export const badInput: Scenario = {
  name: 'bad-input',
  async *run(lab) {
    const fixture = await lab.fixture('bad-input');
    const server = await lab.start(fixture);
    const url = server.url;
    const port = Number(new URL(url).port);

    for (const probe of PROBES) {
      const reply = await probe.send(url);
      const { code, problem } = errorCode(reply);
      const allow = reply.status === 405 ? ` (Allow: ${reply.headers.get('allow')})` : '';
      yield check(probe.tried, reply.status === probe.status && code === probe.code && !problem, `${problem ?? described(reply)}${allow}`);
    }

    // Names that once broke the server: outside the upload folder, too long for the file system, lone surrogates.
    const outside = join(dirname(fixture.uploads), '逃逸.md');
    const traversal = await uploadText(url, '../逃逸.md', '逃逸测试：青龙村今年计划新修便民桥3座。');
    const escaped = (await stat(outside).catch(() => undefined)) !== undefined;
    yield check(
      'upload named ../逃逸.md',
      !escaped && (traversal.status === 201 ? traversal.json?.source === 'uploads/逃逸.md' : traversal.status < 500),
      `${traversal.status === 201 ? `201 stored as ${traversal.json.source}` : described(traversal)}; file outside the upload folder ${escaped ? 'WRITTEN' : 'none'}`,
    );
    const long = await uploadText(url, `${'长'.repeat(250)}.md`, '长名测试：赤水乡今年计划新建文化广场2处。');
    yield check(
      'upload with a 250-character Chinese name (750 bytes)',
      long.status === 201 || (long.status >= 400 && long.status < 500),
      long.status === 201 ? `201 stored as a ${Buffer.byteLength(String(long.json.source).slice('uploads/'.length))}-byte name` : described(long),
    );
    const surrogate = await uploadText(url, '坏\ud800名.md', '代理对测试：紫云镇今年计划新建幼儿园4所。');
    const names = await readdir(fixture.uploads);
    yield check(
      'upload with a lone surrogate in its name',
      surrogate.status < 500 && !names.some((n) => n.includes('\ufffd')),
      `${surrogate.status === 201 ? `201 stored as ${surrogate.json.source}` : described(surrogate)}; upload folder names ${names.filter((n) => n.includes('名')).join(', ') || 'unchanged'}`,
    );

    // A document of the version-controlled corpus folder is not the server's to delete.
    const seed = (await listDocuments(url)).documents.find((d) => !d.source.startsWith('uploads/'))!;
    const refused = await request(`${url}/api/documents/${seed.id}`, { method: 'DELETE', headers: admin });
    const kept = (await stat(join(fixture.corpus, seed.source)).catch(() => undefined))?.isFile() ?? false;
    const stillListed = (await listDocuments(url)).documents.some((d) => d.id === seed.id);
    yield check(
      `DELETE ${seed.source}, a document of the corpus folder`,
      refused.status === 409 && errorCode(refused).code === 'corpus_document' && kept && stillListed,
      `${described(refused)}; file ${kept ? 'kept' : 'GONE'}; ${stillListed ? 'still listed' : 'NOT LISTED'}`,
    );

    // What Node's own HTTP parser refuses.
    const garbage = await rawExchange(port, '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n');
    yield check('raw bytes that are not HTTP (a TLS hello)', /^HTTP\/1\.1 400/.test(garbage) && garbage.includes('"error"'), short(garbage.split('\r\n')[0] + ' ' + garbage.slice(garbage.indexOf('{')), 120));
    const huge = await rawExchange(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
    yield check('a request with 20 KB of headers', /^HTTP\/1\.1 431/.test(huge) && huge.includes('"error"'), short(huge.split('\r\n')[0] + ' ' + huge.slice(huge.indexOf('{')), 120));

    const answer = await ask(url, BASELINE.question);
    // Once ready: before that, /healthz answers 503 “starting” by design.
    const logs = server.logs();
    const failures = logs.slice(logs.findIndex((l) => l.msg === 'ready') + 1).filter((l) => Number(l.status) >= 500 || l.msg === 'request failed');
    yield check(
      `ask ${BASELINE.question} after all of it`,
      answer.includes(BASELINE.expect) && failures.length === 0,
      `${answer.includes(BASELINE.expect) ? `answered with ${BASELINE.expect}` : `“${short(answer, 60)}”`}; 5xx logged since ready: ${failures.length ? failures.map((l) => `${l.status ?? ''} ${l.route ?? l.path ?? l.msg}`).join(', ') : 'none'}`,
    );
  },
};
