/**
 * The admin console end to end in headless Chromium (Debian's chromium + playwright-core), beside the widget on the
 * demo page, over the real app, model, index and SQLite: a question the documents cannot answer is refused in the
 * widget, seen in 对话记录, turned into a 问答对, then asked again in other words and answered with it; a 👎 given in
 * the widget shows in the console; a form without its CSRF token is refused; a document is uploaded with a progress
 * bar. Every page is checked for text contrast and emoji glyphs, and shot at 1280×800 and 390×844 into test-results/
 * (the README's shots in docs/screenshots/ are copies).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { createWidgetApp } from '../src/channels/widget/widget-app.js';
import { buildWidget } from '../src/adapters/node/build-widget.js';
import { createAnswerLog, type AnswerLog } from '../src/core/conversation/answer-log.js';
import { openSqliteDatabase } from '../src/adapters/node/sqlite-database.js';
import { createSqliteConversationStore } from '../src/adapters/node/sqlite-conversation-store.js';
import { createSqliteCuratedStore } from '../src/adapters/node/sqlite-curated-store.js';
import { createCuratedAnswers } from '../src/core/curated/curated-answers.js';
import { withCurated } from '../src/core/curated/with-curated.js';
import { qaThreshold } from '../src/core/curated/qa-threshold.js';
import { libraryDocuments } from '../src/channels/admin/library-documents.js';
import { openTestIndex, seedCorpus, tempDir, type TestIndex } from './support/open-test-index.js';
import { serveOnLoopback } from './support/serve.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = 'test-results';
const TOKEN = 'e2e-admin-token';
const REFUSED = '衡水湖的门票多少钱';
const PARAPHRASE = '去衡水湖玩，门票要多少钱？';
const CURATED = '衡水湖景区免费开放，不收门票。';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** Emoji and symbol glyphs that depend on the visitor's fonts. */
const SYMBOL_GLYPHS = /[\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u2bff\u{1f000}-\u{1faff}\ufe0f]/u;

let browser: Browser;
let server: Awaited<ReturnType<typeof serveOnLoopback>>;
let answers: AnswerLog;
let opened: TestIndex;
let dir: string;
let uploadGate: Promise<void> = Promise.resolve();

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  mkdirSync(SHOTS, { recursive: true });
  opened = await openTestIndex(await seedCorpus());
  dir = await tempDir('zhida-admin-e2e-');
  const db = openSqliteDatabase(join(dir, 'zhida.db'));
  answers = createAnswerLog({ store: createSqliteConversationStore(db) });
  const curated = createCuratedAnswers({ store: createSqliteCuratedStore(db), embedder: opened.embedder, threshold: qaThreshold(opened.embedder.modelId) });
  const engine = withCurated(opened.engine, { curated });
  const app = createApp({
    engine: () => engine,
    answers,
    curated: () => curated,
    library: () => opened.library,
    console: { documents: () => libraryDocuments(opened.library, opened.index) },
    channels: [createWidgetApp({ script: await buildWidget() })],
    http: { adminToken: TOKEN, rateLimitPerMinute: 0 },
  });
  // In front of the app: an upload waits at the gate a test may close (to see the page during an upload).
  const front = new Hono();
  front.all('*', async (c) => {
    if (c.req.method === 'POST' && c.req.path === '/admin/documents/upload') await uploadGate;
    return app.fetch(c.req.raw);
  });
  server = await serveOnLoopback(front);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--lang=zh-CN', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await opened?.close();
});

async function newPage(viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  // Deleting asks for confirmation.
  page.on('dialog', (d) => void d.accept());
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors, context };
}

async function askWidget(page: Page, question: string) {
  const before = await page.locator('.msg.bot .tools').count();
  await page.locator('textarea').fill(question);
  await page.locator('textarea').press('Enter');
  await page.locator('.msg.bot .tools').nth(before).waitFor({ timeout: 60_000 });
  return page.locator('.msg.bot:not(.greeting)').last();
}

async function logIn(page: Page) {
  await page.goto(`${server.url}/admin`);
  expect(new URL(page.url()).pathname).toBe('/admin/login');
  await page.locator('#token').fill(TOKEN);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(`${server.url}/admin`);
}

/** Text whose contrast with the background behind it is under 4.5:1, and text made of emoji or symbol glyphs. */
async function readability(page: Page): Promise<{ lowContrast: string[]; glyphs: boolean; overflow: boolean }> {
  const lowContrast = await page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg') || !(el instanceof HTMLElement) || !el.offsetParent) continue;
      const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent!.trim()).join('');
      if (!text && !(el instanceof HTMLInputElement && el.value)) continue;
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) out.push(`${el.tagName} “${text.slice(0, 20)}” ${ratio.toFixed(2)}`);
    }
    return out;
  });
  const text = await page.locator('body').innerText();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  return { lowContrast, glyphs: SYMBOL_GLYPHS.test(text), overflow };
}

async function shoot(page: Page, name: string) {
  const check = await readability(page);
  expect(check.lowContrast, `${name}: ${check.lowContrast.join('; ')}`).toEqual([]);
  expect(check.glyphs, name).toBe(false);
  expect(check.overflow, `${name} is wider than the screen`).toBe(false);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

describe('admin console in Chromium', () => {
  it('turns a refused widget question into a 问答对 that answers its paraphrase; 👎 in the widget shows in the console', async () => {
    const widget = await newPage();
    await widget.page.goto(server.url);
    await widget.page.locator('.launcher').click();
    const refused = await askWidget(widget.page, REFUSED);
    expect(await refused.getAttribute('class')).toContain('notfound');

    const admin = await newPage();
    await logIn(admin.page);
    await admin.page.getByRole('link', { name: '对话记录' }).click();
    await admin.page.locator('label.check', { hasText: '只看没找到答案' }).click();
    await admin.page.getByRole('button', { name: '筛选' }).click();
    const entry = admin.page.locator('article.entry', { hasText: REFUSED });
    await entry.waitFor();
    expect(await entry.locator('.tag.no').innerText()).toBe('没找到答案');
    await entry.getByRole('link', { name: '设为问答对' }).click();
    expect(await admin.page.locator('#question').inputValue()).toBe(REFUSED);
    await admin.page.locator('#answer').fill(CURATED);
    await admin.page.locator('#source').fill('景区管理处公告');
    await admin.page.getByRole('button', { name: '保存' }).click();
    await admin.page.waitForURL(/\/admin\/qa\?done=saved$/);
    expect(await admin.page.locator('.notice').innerText()).toContain('问答对已保存');
    expect(await admin.page.locator('article.entry', { hasText: REFUSED }).locator('.a').innerText()).toBe(CURATED);

    const curated = await askWidget(widget.page, PARAPHRASE);
    expect(await curated.locator('.text, p').first().innerText().catch(() => curated.innerText())).toContain(CURATED);
    expect(await curated.getAttribute('class')).not.toContain('notfound');
    const sent = widget.page.waitForResponse((r) => r.url().endsWith('/api/feedback') && (r.request().postData() ?? '').includes('"down"'));
    await curated.locator('button.rate.down').click();
    expect((await sent).status()).toBe(204);
    await widget.page.screenshot({ path: `${SHOTS}/admin-widget-curated-1280.png` });

    await admin.page.goto(`${server.url}/admin/conversations?rating=down`);
    const rated = admin.page.locator('article.entry', { hasText: PARAPHRASE });
    await rated.waitFor();
    expect(await rated.locator('.tag.down').innerText()).toContain('没帮助');
    expect(await rated.locator('.a').innerText()).toBe(CURATED);
    expect(await rated.innerText()).toContain('引用：问答对');
    expect(await admin.page.locator('article.entry').count()).toBe(1);

    await admin.page.goto(`${server.url}/admin`);
    expect(await admin.page.locator('.figure', { hasText: '没帮助' }).locator('b').innerText()).toBe('1');
    expect(await admin.page.locator('ol.top').innerText()).toContain(REFUSED);
    expect(widget.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    await Promise.all([widget.context.close(), admin.context.close()]);
  });

  it('refuses a form posted without its CSRF token (403) and keeps the pair', async () => {
    const { page, context } = await newPage();
    await logIn(page);
    await page.goto(`${server.url}/admin/qa`);
    const before = await page.locator('article.entry').count();
    const form = page.locator('article.entry form').first();
    await form.evaluate((f) => f.querySelector('input[name=_csrf]')!.remove());
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.locator('button').click()]);
    expect(response.status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('请求被拒绝');
    await page.goto(`${server.url}/admin/qa`);
    expect(await page.locator('article.entry').count()).toBe(before);
    await context.close();
  });

  it('uploads a document with a progress bar, lists it with its passages, and deletes it', async () => {
    const { page, errors, context } = await newPage();
    await logIn(page);
    await page.goto(`${server.url}/admin/documents`);
    const file = join(dir, '景区开放公告.txt');
    writeFileSync(file, '景区开放公告\n\n衡水湖景区自2026年起全年免费开放，开放时间为每天8:00至18:00。\n');
    await page.locator('#file').setInputFiles(file);
    expect(await page.locator('#file-name').innerText()).toBe('景区开放公告.txt');
    // The server holds the upload's answer until the page has shown the upload's progress.
    let release = () => {};
    uploadGate = new Promise<void>((resolve) => (release = resolve));
    await page.getByRole('button', { name: '上传' }).click();
    await page.waitForFunction(() => (document.getElementById('progress') as HTMLProgressElement).value === 100);
    const shown = await page.evaluate(() => {
      const bar = document.getElementById('progress') as HTMLProgressElement;
      return { value: bar.value, hidden: bar.hidden === true, status: document.getElementById('upload-status')!.textContent ?? '' };
    });
    expect(shown).toEqual({ value: 100, hidden: false, status: '已上传，正在建立索引…' });
    await page.screenshot({ path: `${SHOTS}/admin-upload-1280.png` });
    release();
    await page.waitForURL(/done=uploaded/, { timeout: 60_000 });
    const row = page.locator('tr', { hasText: 'uploads/景区开放公告.txt' });
    await row.waitFor();
    await shoot(page, 'admin-documents-1280');
    await row.locator('a').click();
    expect(await page.locator('pre.chunk').first().innerText()).toContain('全年免费开放');
    await shoot(page, 'admin-document-1280');
    await page.goto(`${server.url}/admin/documents`);
    await page.locator('tr', { hasText: 'uploads/景区开放公告.txt' }).getByRole('button', { name: /删除/ }).click();
    await page.waitForURL(/done=removed/);
    expect(await page.locator('tr', { hasText: 'uploads/景区开放公告.txt' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads well on a desktop and a 390 px phone: contrast, no emoji glyphs, nothing wider than the screen', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, errors, context } = await newPage(viewport);
      await page.goto(`${server.url}/admin/login`);
      await shoot(page, `admin-login-${viewport.width}`);
      await logIn(page);
      await shoot(page, `admin-overview-${viewport.width}`);
      await page.goto(`${server.url}/admin/conversations`);
      await shoot(page, `admin-conversations-${viewport.width}`);
      await page.goto(`${server.url}/admin/qa`);
      await shoot(page, `admin-qa-${viewport.width}`);
      await page.goto(`${server.url}/admin/qa/new?question=${encodeURIComponent('政务服务中心周六上班吗')}`);
      await shoot(page, `admin-qa-form-${viewport.width}`);
      await page.goto(`${server.url}/admin/documents`);
      if (viewport === PHONE) await shoot(page, 'admin-documents-390');
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
