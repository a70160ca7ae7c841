/** @jsxImportSource hono/jsx */
/**
 * @module admin-console-app: the admin console at /admin, server-rendered (Hono JSX), in Chinese. Logging in with
 * ADMIN_TOKEN starts a server-side session: the cookie (HttpOnly, SameSite=Strict, path /admin) holds only a random
 * session id. Every state-changing request carries the session's CSRF token (a form field, or the X-CSRF-Token header
 * of the upload), checked here: 403 without it. Pages: 概览, 对话记录, 问答对, 文档.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AnswerLog } from '../../core/conversation/answer-log.js';
import { logStats } from '../../core/conversation/log-stats.js';
import type { CuratedAnswers } from '../../core/curated/curated-answers.js';
import { AppError, isAppError } from '../../core/errors.js';
import { safeEqual } from '../../core/safe-equal.js';
import { bodyLimit } from '../http/middleware/body-limit.js';
import { ConversationQuery } from '../http/conversation-schemas.js';
import { CuratedRequest } from '../http/curated-schemas.js';
import { createSessions, randomToken, type Session, type Sessions } from './sessions.js';
import type { ConsoleDocuments } from './console-types.js';
import { DisabledPage, ErrorPage, LoginPage } from './login-page.js';
import { errorResponse } from '../http/error-response.js';
import { OverviewPage } from './overview-page.js';
import { ConversationsPage } from './conversations-page.js';
import { QaFormPage, QaListPage } from './qa-pages.js';
import { DocumentChunksPage, DocumentsPage } from './documents-page.js';

export interface AdminConsoleDeps {
  adminToken?: string;
  log: AnswerLog;
  curated?: () => CuratedAnswers | undefined;
  /** Whether curated answers match paraphrases (a calibrated threshold) or only the same text. */
  calibrated?: boolean;
  documents?: () => ConsoleDocuments | undefined;
  /** Sessions end this long after login (ADMIN_SESSION_HOURS). */
  sessionTtlMs?: number;
  /** Where sessions live; by default in memory. */
  sessions?: Sessions;
  now?: () => number;
  maxBodyBytes?: number;
  maxUploadBytes?: number;
}

const SESSION_COOKIE = 'zhida_admin';
const LOGIN_COOKIE = 'zhida_login';
const PAGE_SIZE = 30;
const CHART_DAYS = [7, 14, 30, 90];
const NOTICES: Record<string, string> = {
  saved: '问答对已保存。',
  deleted: '问答对已删除。',
  uploaded: '文档已上传并建立索引，现在就可以回答与它有关的问题。',
  removed: '文档已删除，文件移到了上传目录的 .trash 文件夹。',
};

export type AdminConsoleEnv = { Variables: { session: Session } };
type Env = AdminConsoleEnv;

export function createAdminConsoleApp({
  adminToken,
  log,
  curated,
  calibrated = true,
  documents,
  sessionTtlMs = 12 * 3_600_000,
  now = Date.now,
  sessions = createSessions({ ttlMs: sessionTtlMs, now }),
  maxBodyBytes = 256 * 1024,
  maxUploadBytes = 20 * 1024 * 1024,
}: AdminConsoleDeps): Hono<Env> {
  const app = new Hono<Env>();
  const cookie = (c: Context) => ({ path: '/admin', httpOnly: true, sameSite: 'Strict' as const, secure: new URL(c.req.url).protocol === 'https:' });
  const forbidden = (c: Context) => c.html(<DisabledPage />, 403);

  async function loginPage(c: Context, status: 200 | 401 | 403, error?: string) {
    const csrf = getCookie(c, LOGIN_COOKIE) ?? randomToken();
    setCookie(c, LOGIN_COOKIE, csrf, { ...cookie(c), path: '/admin/login', maxAge: 3600 });
    return c.html(<LoginPage csrf={csrf} error={error} expired={c.req.query('expired') === '1'} />, status);
  }

  app.get('/admin/login', async (c) => {
    if (!adminToken) return forbidden(c);
    if (await sessions.get(getCookie(c, SESSION_COOKIE))) return c.redirect('/admin', 303);
    return loginPage(c, 200);
  });

  app.post('/admin/login', bodyLimit(maxBodyBytes), async (c) => {
    if (!adminToken) return forbidden(c);
    const form = await c.req.parseBody();
    const expected = getCookie(c, LOGIN_COOKIE);
    if (!expected || typeof form._csrf !== 'string' || !safeEqual(form._csrf, expected)) return loginPage(c, 403, '登录表单已失效，请重新输入令牌。');
    if (typeof form.token !== 'string' || !safeEqual(form.token.trim(), adminToken)) return loginPage(c, 401, '令牌不正确。');
    const session = await sessions.create();
    deleteCookie(c, LOGIN_COOKIE, { path: '/admin/login' });
    setCookie(c, SESSION_COOKIE, session.id, { ...cookie(c), maxAge: Math.floor(sessionTtlMs / 1000) });
    return c.redirect('/admin', 303);
  });

  // Everything else needs a live session, and a state change its CSRF token.
  const guard = async (c: Context<Env>, next: () => Promise<void>) => {
    if (c.req.path === '/admin/login') return next();
    if (!adminToken) return forbidden(c);
    const id = getCookie(c, SESSION_COOKIE);
    const session = await sessions.get(id);
    if (!session) {
      if (c.req.method !== 'GET') throw new AppError('unauthorized', 'Log in to the console again: the session has ended.');
      return c.redirect(id ? '/admin/login?expired=1' : '/admin/login', 303);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      let given = c.req.header('x-csrf-token');
      if (given === undefined && /^application\/x-www-form-urlencoded|^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) {
        const form = await c.req.parseBody();
        given = typeof form._csrf === 'string' ? form._csrf : undefined;
      }
      if (!given || !safeEqual(given, session.csrf)) return c.html(<DisabledCsrf />, 403);
    }
    c.set('session', session);
    return next();
  };
  // '/admin/*' covers /admin itself too.
  app.use('/admin/*', async (c, next) => (c.req.path === '/admin/documents/upload' ? next() : bodyLimit(maxBodyBytes)(c, next)));
  app.use('/admin/*', guard);

  const csrf = (c: Context<Env>) => c.get('session').csrf;
  const notice = (c: Context) => {
    const text = NOTICES[c.req.query('done') ?? ''];
    return text ? { text } : undefined;
  };

  app.post('/admin/logout', async (c) => {
    await sessions.end(c.get('session').id);
    deleteCookie(c, SESSION_COOKIE, { path: '/admin' });
    return c.redirect('/admin/login', 303);
  });

  app.get('/admin', async (c) => {
    const asked = Number(c.req.query('days'));
    const days = CHART_DAYS.includes(asked) ? asked : 14;
    await log.flush();
    return c.html(<OverviewPage stats={await logStats(log, days, now())} days={days} csrf={csrf(c)} keeps={log.keeps} />);
  });

  app.get('/admin/conversations', async (c) => {
    // A filter with a bad value (a hand-edited address) is dropped rather than refused.
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const parsed = ConversationQuery.safeParse(raw);
    const q = parsed.success ? parsed.data : { limit: PAGE_SIZE, cursor: undefined, found: undefined, rating: undefined, channel: undefined, q: undefined };
    const filter = { found: q.found === undefined ? undefined : q.found === 'true', rating: q.rating, channel: q.channel, text: q.q };
    await log.flush();
    const page = log.store ? await log.store.list(filter, PAGE_SIZE, q.cursor) : { items: [], next: null };
    return c.html(<ConversationsPage entries={page.items} next={page.next} filter={filter} timeZone={log.timeZone} csrf={csrf(c)} keeps={log.keeps} />);
  });

  const pairs = (): CuratedAnswers => {
    const service = curated?.();
    if (!service) throw new AppError(curated ? 'not_ready' : 'not_found', curated ? 'The embedding model is still loading; try again shortly.' : 'This deployment keeps no curated answers.');
    return service;
  };

  app.get('/admin/qa', async (c) => c.html(<QaListPage pairs={await pairs().list()} csrf={csrf(c)} notice={notice(c)?.text} calibrated={calibrated} timeZone={log.timeZone} />));
  app.get('/admin/qa/new', (c) => c.html(<QaFormPage value={{ question: c.req.query('question') ?? '' }} csrf={csrf(c)} />));
  app.get('/admin/qa/:id/edit', async (c) => {
    const pair = await pairs().get(c.req.param('id'));
    return c.html(<QaFormPage id={pair.id} value={pair} csrf={csrf(c)} />);
  });

  async function savePair(c: Context<Env>, id?: string) {
    const form = await c.req.parseBody();
    const value = { question: String(form.question ?? ''), answer: String(form.answer ?? ''), source: String(form.source ?? '') };
    const parsed = CuratedRequest.safeParse(value);
    if (!parsed.success) return c.html(<QaFormPage id={id} value={value} csrf={csrf(c)} error="问题和回答都要填写（问题不超过 1000 字，出处不超过 300 字）。" />, 400);
    if (id) await pairs().update(id, parsed.data);
    else await pairs().create(parsed.data);
    return c.redirect('/admin/qa?done=saved', 303);
  }
  app.post('/admin/qa', (c) => savePair(c));
  app.post('/admin/qa/:id', (c) => savePair(c, c.req.param('id')));
  app.post('/admin/qa/:id/delete', async (c) => {
    await pairs().remove(c.req.param('id'));
    return c.redirect('/admin/qa?done=deleted', 303);
  });

  const library = (): ConsoleDocuments => {
    const l = documents?.();
    if (!l) throw new AppError(documents ? 'not_ready' : 'not_found', documents ? 'The index is still being built; try again shortly.' : 'This deployment has no document management.');
    return l;
  };

  async function documentsPage(c: Context<Env>, status: 200 | 409 | 500 = 200, error?: string) {
    const l = library();
    const { documents: list, failed = [] } = await l.list();
    const shown = error ? { text: error, error: true } : notice(c);
    return c.html(<DocumentsPage documents={list} failed={failed} csrf={csrf(c)} canUpload={Boolean(l.upload)} canView={Boolean(l.chunks)} timeZone={log.timeZone} notice={shown} />, status);
  }
  app.get('/admin/documents', (c) => documentsPage(c));
  app.get('/admin/documents/:id', async (c) => {
    const found = await library().chunks?.(c.req.param('id'));
    if (!found) throw new AppError('not_found', 'No such document.');
    return c.html(<DocumentChunksPage record={found.record} chunks={found.chunks} csrf={csrf(c)} />);
  });
  app.post('/admin/documents/:id/delete', async (c) => {
    try {
      await library().remove(c.req.param('id'));
    } catch (err) {
      if (isAppError(err) && err.code === 'corpus_document') return documentsPage(c, 409, '这是语料目录中的文件，服务器不会改动它：请在服务器上删除该文件后重启。');
      throw err;
    }
    return c.redirect('/admin/documents?done=removed', 303);
  });
  app.post('/admin/documents/upload', bodyLimit(maxUploadBytes), async (c) => {
    const l = library();
    if (!l.upload) throw new AppError('not_found', 'Documents are pushed prepared here (npm run push).');
    // parseBody, not formData(): the body is read once and cached, whether the CSRF check read it first or not.
    let file: unknown;
    try {
      file = (await c.req.parseBody()).file;
    } catch {
      throw new AppError('bad_request', 'The multipart body could not be read.');
    }
    if (!(file instanceof File)) throw new AppError('bad_request', 'file: attach the document as the form field "file".');
    const added = await l.upload(file.name, new Uint8Array(await file.arrayBuffer()), c.req.raw.signal);
    return c.json(added.record, added.replaced ? 200 : 201);
  });

  // A page's error as a page; the upload (called by script) and unexpected failures keep the app's JSON error handling.
  app.onError((err, c) => {
    if (!isAppError(err) || (err.status >= 500 && err.code !== 'not_ready')) throw err;
    if (c.req.path === '/admin/documents/upload') return errorResponse(c, err);
    const page = PAGE_ERRORS[err.code] ?? { title: '操作没有完成', text: `服务器拒绝了这个请求（${err.status}）。` };
    return c.html(<ErrorPage title={page.title} text={page.text} loginAgain={err.code === 'unauthorized'} />, err.status as 400);
  });

  return app;
}

const PAGE_ERRORS: Partial<Record<string, { title: string; text: string }>> = {
  not_found: { title: '找不到', text: '没有这个页面或条目，它可能已经被删除。' },
  not_ready: { title: '请稍候', text: '服务正在加载模型或建立索引，请过一会儿刷新页面。' },
  unauthorized: { title: '登录已过期', text: '请重新登录后再操作。' },
  payload_too_large: { title: '内容太大', text: '提交的内容超过了服务器允许的大小。' },
};

function DisabledCsrf() {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>请求被拒绝</title>
      </head>
      <body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:480px;margin:12vh auto;padding:0 16px">
        <h1 style="font-size:20px">请求被拒绝</h1>
        <p>这个表单缺少有效的安全校验码（CSRF），可能已经过期。请返回上一页，刷新后再试。</p>
        <p><a href="/admin" style="color:#1d4ed8">回到管理后台</a></p>
      </body>
    </html>
  );
}
