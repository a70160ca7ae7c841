/**
 * The admin console at /admin over app.request(): login with ADMIN_TOKEN (an HttpOnly SameSite=Strict session cookie
 * without the token), wrong tokens refused, CSRF tokens required on every state change, logout, session expiry on an
 * injected clock, and the pages' content.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { createAnswerLog, type AnswerLog } from '../src/core/conversation/answer-log.js';
import { openSqliteDatabase } from '../src/adapters/node/sqlite-database.js';
import { createSqliteConversationStore } from '../src/adapters/node/sqlite-conversation-store.js';
import { createSqliteCuratedStore } from '../src/adapters/node/sqlite-curated-store.js';
import { createCuratedAnswers, type CuratedAnswers } from '../src/core/curated/curated-answers.js';
import { qaThreshold } from '../src/core/curated/qa-threshold.js';
import type { Answer } from '../src/core/types.js';
import { recordingEmbedder, tempDir } from './support/open-test-index.js';

const TOKEN = 'console-token-平陆';
const HOUR = 3_600_000;
let clock = Date.UTC(2026, 5, 1, 2);
let log: AnswerLog;
let curated: CuratedAnswers;
let app: Hono;

/** The value of a cookie a response set, and its attributes. */
function setCookie(res: Response, name: string): { value: string; attributes: string } | undefined {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair, ...rest] = line.split(';');
  return { value: decodeURIComponent(pair.slice(name.length + 1)), attributes: rest.join(';') };
}

const form = (fields: Record<string, string>, cookie: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  body: new URLSearchParams(fields).toString(),
});

/** Logs in; the session cookie and the CSRF token of the pages. */
async function login(token = TOKEN): Promise<{ res: Response; cookie: string; csrf: string }> {
  const page = await app.request('/admin/login');
  expect(page.status).toBe(200);
  const loginCsrf = setCookie(page, 'zhida_login')!.value;
  expect(await page.text()).toContain(`value="${loginCsrf}"`);
  const res = await app.request('/admin/login', form({ _csrf: loginCsrf, token }, `zhida_login=${loginCsrf}`));
  const session = setCookie(res, 'zhida_admin');
  if (!session) return { res, cookie: '', csrf: '' };
  const cookie = `zhida_admin=${session.value}`;
  const html = await (await app.request('/admin', { headers: { cookie } })).text();
  return { res, cookie, csrf: html.match(/name="_csrf" value="([0-9a-f]+)"/)![1] };
}

const answer = (text: string, found: boolean): Answer => ({ answer: text, found, query: text, citations: found ? [{ n: 1, source: '001_平陆.txt', title: '平陆', text, start: 0, end: 1, score: 1 }] : [] });

beforeAll(async () => {
  const db = openSqliteDatabase(join(await tempDir('zhida-console-'), 'zhida.db'));
  log = createAnswerLog({ store: createSqliteConversationStore(db), now: () => clock });
  const embedder = await recordingEmbedder();
  curated = createCuratedAnswers({ store: createSqliteCuratedStore(db), embedder, threshold: qaThreshold(embedder.modelId), now: () => clock });
  app = createApp({ engine: () => undefined, answers: log, curated: () => curated, console: { now: () => clock }, http: { adminToken: TOKEN, adminSessionMs: 12 * HOUR } });
  log.record({ channel: 'widget', question: '平陆招商目标是多少', answer: answer('50个[1]', true), latencyMs: 12 });
  const refused = log.record({ channel: 'widget', question: '火星移民计划什么时候开始', answer: answer('抱歉，现有资料中没有找到能回答这个问题的内容。', false), latencyMs: 9 });
  log.record({ channel: 'wechat', question: '枣强县委书记是谁', answer: answer('抱歉，现有资料中没有找到能回答这个问题的内容。', false), latencyMs: 7 });
  await log.flush();
  await log.rate(refused, 'down', '没有回答');
});

describe('admin console', () => {
  it('sends a visitor without a session to the login page', async () => {
    for (const path of ['/admin', '/admin/conversations', '/admin/qa', '/admin/documents']) {
      const res = await app.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/login');
    }
  });

  it('logs in with the token: an HttpOnly, SameSite=Strict session cookie that does not contain the token', async () => {
    const { res, cookie } = await login();
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin');
    const session = setCookie(res, 'zhida_admin')!;
    expect(session.attributes).toMatch(/HttpOnly/i);
    expect(session.attributes).toMatch(/SameSite=Strict/i);
    expect(session.attributes).toMatch(/Path=\/admin/);
    expect(session.value).toMatch(/^[0-9a-f]{64}$/);
    expect(session.value).not.toContain(TOKEN);
    expect(res.headers.getSetCookie().join('\n')).not.toContain(encodeURIComponent(TOKEN));
    const page = await app.request('/admin', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(TOKEN);
  });

  it('refuses a wrong token (401) and a login form without its CSRF token (403); no session either way', async () => {
    const wrong = await login('not-the-token');
    expect(wrong.res.status).toBe(401);
    expect(wrong.cookie).toBe('');
    expect(await wrong.res.text()).toContain('令牌不正确');
    const noCsrf = await app.request('/admin/login', form({ token: TOKEN }, ''));
    expect(noCsrf.status).toBe(403);
    expect(setCookie(noCsrf, 'zhida_admin')).toBeUndefined();
  });

  it('refuses every state-changing form posted without the CSRF token, or with another session’s (403), and changes nothing', async () => {
    const { cookie, csrf } = await login();
    const other = await login();
    const before = (await curated.list()).length;
    for (const fields of [{ question: "问", answer: "答" }, { question: "问", answer: "答", _csrf: other.csrf }, { question: "问", answer: "答", _csrf: "" }] as Record<string, string>[]) {
      const res = await app.request('/admin/qa', form(fields, cookie));
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('安全校验码');
    }
    expect((await app.request('/admin/logout', form({}, cookie))).status).toBe(403);
    expect((await app.request('/admin/documents/upload', { method: 'POST', headers: { cookie, 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' })).status).toBe(403);
    expect((await curated.list()).length).toBe(before);
    // With the token the same form goes through.
    const ok = await app.request('/admin/qa', form({ question: '办公时间', answer: '工作日 9:00–17:00', _csrf: csrf }, cookie));
    expect(ok.status).toBe(303);
    expect((await curated.list()).length).toBe(before + 1);
  });

  it('logs out: the session ends server-side, even if the cookie is sent again', async () => {
    const { cookie, csrf } = await login();
    const res = await app.request('/admin/logout', form({ _csrf: csrf }, cookie));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/login');
    expect(setCookie(res, 'zhida_admin')?.value ?? '').toBe('');
    const after = await app.request('/admin', { headers: { cookie } });
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/admin/login?expired=1');
  });

  it('ends a session 12 hours after login (ADMIN_SESSION_HOURS), on the injected clock', async () => {
    const { cookie } = await login();
    clock += 12 * HOUR - 1000;
    expect((await app.request('/admin', { headers: { cookie } })).status).toBe(200);
    clock += 2000;
    const expired = await app.request('/admin', { headers: { cookie } });
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe('/admin/login?expired=1');
    expect(await (await app.request('/admin/login?expired=1')).text()).toContain('登录已过期');
  });

  it('shows 概览 with a server-rendered SVG chart, the ratings and the top unanswered questions', async () => {
    const { cookie } = await login();
    const html = await (await app.request('/admin', { headers: { cookie } })).text();
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('火星移民计划什么时候开始');
    expect(html).toMatch(/没帮助<\/span><b><svg[^>]*>.*?<\/svg>1<\/b>/s);
    expect(html).toContain('找到答案率');
  });

  it('filters 对话记录: refused only, 👎 only, by channel and by text, each entry with its answer and sources', async () => {
    const { cookie } = await login();
    const page = async (query: string) => (await app.request(`/admin/conversations${query}`, { headers: { cookie } })).text();
    const all = await page('');
    expect(all).toContain('平陆招商目标是多少');
    expect(all).toContain('引用：001_平陆.txt');
    expect(all).toContain('/admin/qa/new?question=');
    const refused = await page('?found=false');
    expect(refused).not.toContain('平陆招商目标是多少');
    expect(refused).toContain('枣强县委书记是谁');
    const down = await page('?rating=down');
    expect(down).toContain('火星移民计划什么时候开始');
    expect(down).not.toContain('枣强县委书记是谁');
    expect(down).toContain('反馈意见：没有回答');
    expect(await page('?channel=wechat')).not.toContain('火星移民');
    expect(await page('?q=%E6%9E%A3%E5%BC%BA')).toContain('枣强县委书记是谁');
  });

  it('adds, edits and deletes a 问答对 through the forms; the new-pair form takes the question from the log', async () => {
    const { cookie, csrf } = await login();
    const prefilled = await (await app.request(`/admin/qa/new?question=${encodeURIComponent('火星移民计划什么时候开始')}`, { headers: { cookie } })).text();
    expect(prefilled).toContain('value="火星移民计划什么时候开始"');
    expect((await app.request('/admin/qa', form({ question: '', answer: '答', _csrf: csrf }, cookie))).status).toBe(400);
    await app.request('/admin/qa', form({ question: '火星移民计划什么时候开始', answer: '本县没有火星移民计划。', source: '', _csrf: csrf }, cookie));
    const pair = (await curated.list()).find((p) => p.question === '火星移民计划什么时候开始')!;
    expect(pair.source).toBeUndefined();
    const list = await (await app.request('/admin/qa', { headers: { cookie } })).text();
    expect(list).toContain('本县没有火星移民计划。');
    await app.request(`/admin/qa/${pair.id}`, form({ question: pair.question, answer: '没有这项计划。', _csrf: csrf }, cookie));
    expect((await curated.get(pair.id)).answer).toBe('没有这项计划。');
    const del = await app.request(`/admin/qa/${pair.id}/delete`, form({ _csrf: csrf }, cookie));
    expect(del.headers.get('location')).toBe('/admin/qa?done=deleted');
    expect((await curated.list()).some((p) => p.id === pair.id)).toBe(false);
  });

  it('answers a page’s error with a page in Chinese: an unknown pair 404, a form posted after the session ended 401', async () => {
    const { cookie } = await login();
    const missing = await app.request('/admin/qa/000000000000/edit', { headers: { cookie } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/text\/html/);
    expect(await missing.text()).toContain('没有这个页面或条目');
    const late = await app.request('/admin/qa', form({ question: '问', answer: '答', _csrf: 'x' }, 'zhida_admin=' + 'f'.repeat(64)));
    expect(late.status).toBe(401);
    expect(await late.text()).toContain('重新登录');
  });

  it('says the console is disabled when ADMIN_TOKEN is unset (403)', async () => {
    const off = createApp({ engine: () => undefined });
    for (const path of ['/admin', '/admin/login']) {
      const res = await off.request(path);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('管理后台未启用');
    }
  });
});
