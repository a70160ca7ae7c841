/**
 * End-to-end tests of the chat widget in headless Chromium (Debian's chromium + playwright-core), on the demo page
 * served by the real app. Screenshots go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../src/app.js';
import { createWidgetApp } from '../src/channels/widget/widget-app.js';
import { buildWidget } from '../src/adapters/node/build-widget.js';
import type { Answer } from '../src/core/types.js';
import { openTestIndex, seedCorpus } from './support/open-test-index.js';
import { serveOnLoopback } from './support/serve.js';
import { join } from 'node:path';
import { createAnswerLog, type AnswerLog } from '../src/core/conversation/answer-log.js';
import { openSqliteDatabase } from '../src/adapters/node/sqlite-database.js';
import { createSqliteConversationStore } from '../src/adapters/node/sqlite-conversation-store.js';
import { tempDir } from './support/open-test-index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = 'test-results';
let browser: Browser;
let server: Awaited<ReturnType<typeof serveOnLoopback>>;
let friendly: Awaited<ReturnType<typeof serveOnLoopback>>;
let stranger: Awaited<ReturnType<typeof serveOnLoopback>>;
let script: string;
let answers: AnswerLog;

/** A customer's page on another origin that embeds the widget with one script tag. */
let widgetOrigin = '';
const customerSite = () => {
  const site = new Hono();
  // Deliberately loud page styles: none of them may reach the widget.
  const loud = `<style>* { font-family: "Times New Roman", serif; } button { background: lime !important; color: purple !important; border: 4px dashed red !important; font-size: 30px !important; } div { letter-spacing: 3px; }</style>`;
  site.get('/', (c) => c.html(`<!doctype html><html><head>${loud}</head><body><main><h1>某县政府网站</h1><button type="button">页面自己的按钮</button></main><script src="${widgetOrigin}/widget.js" data-title="政策问答" async></script></body></html>`));
  return site;
};

/** Emoji and symbol glyphs that depend on the visitor's fonts (💬, ✕, ←, ⚙…). */
const SYMBOL_GLYPHS = /[\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u2bff\u{1f000}-\u{1faff}\ufe0f]/u;
/** A file name made of a number and a hash, as the seed documents are named. */
const HASH_NAME = /\d{3}_[0-9a-f]{16}/;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  mkdirSync(SHOTS, { recursive: true });
  const { engine } = await openTestIndex(await seedCorpus());
  script = await buildWidget();
  friendly = await serveOnLoopback(customerSite());
  stranger = await serveOnLoopback(customerSite());
  answers = createAnswerLog({ store: createSqliteConversationStore(openSqliteDatabase(join(await tempDir('zhida-widget-log-'), 'zhida.db'))) });
  const app = createApp({
    engine: () => engine,
    answers,
    channels: [createWidgetApp({ script })],
    http: { allowedOrigins: [friendly.url], rateLimitPerMinute: 0 },
  });
  server = await serveOnLoopback(app);
  widgetOrigin = server.url;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.close(), friendly?.close(), stranger?.close()]);
});

async function openDemo(viewport = { width: 1280, height: 800 }, url = server.url) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.locator('.launcher').click();
  await page.locator('textarea').waitFor();
  return { page, errors, context };
}

async function askAndWait(page: Page, question: string) {
  const before = await page.locator('.msg.bot .tools').count();
  await page.locator('textarea').fill(question);
  await page.locator('textarea').press('Enter');
  await page.locator('.msg.bot .tools').nth(before).waitFor({ timeout: 60_000 });
  return page.locator('.msg.bot:not(.greeting)').last();
}

/** An /api/chat event stream that delivers `answer` the way the server does: delta, citations, done. */
const sse = (answer: Answer) =>
  [
    ['delta', { text: answer.answer }],
    ['citations', { citations: answer.citations }],
    ['done', answer],
  ]
    .map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    .join('');

describe('chat widget in Chromium', () => {
  it('is small: under 25 KB gzipped', () => {
    expect(gzipSync(script).length).toBeLessThan(25 * 1024);
  });

  it('answers, shows the cited passage, follows up, and logs no console errors', async () => {
    const { page, errors, context } = await openDemo();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('DIV');
    const answer = await askAndWait(page, '平陆招商目标是多少');
    expect(await answer.innerText()).toContain('50个');
    await page.screenshot({ path: `${SHOTS}/widget-answer.png` });

    await answer.locator('.chip').first().click();
    const passage = page.locator('.passage');
    await passage.waitFor();
    expect(await passage.locator('h3').innerText()).toContain('以最优作风最大担当最强干劲抓落实');
    expect(await passage.locator('mark').innerText()).toContain('50个');
    await page.screenshot({ path: `${SHOTS}/widget-passage.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => passage.isHidden()).toBe(true);

    const followUp = await askAndWait(page, '那枣强呢？');
    expect(await followUp.innerText()).toContain('30个');

    const none = await askAndWait(page, '今天天气怎么样');
    expect(await none.getAttribute('class')).toContain('notfound');
    await page.screenshot({ path: `${SHOTS}/widget-followup.png` });
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('rates an answer with SVG thumbs: 👍, then 👎 with a comment, kept for the tab; the log has the last rating', async () => {
    const { page, errors, context } = await openDemo();
    const answer = await askAndWait(page, '平陆招商目标是多少');
    const up = answer.locator('button.rate.up');
    const down = answer.locator('button.rate.down');
    expect(await up.locator('svg').count()).toBe(1);
    expect(await down.locator('svg').count()).toBe(1);
    expect(await up.getAttribute('aria-label')).toBe('有帮助');
    expect(SYMBOL_GLYPHS.test(await answer.innerText())).toBe(false);
    expect(await answer.locator('.why').isVisible()).toBe(false);

    const feedback = (part: string) => page.waitForResponse((r) => r.url().endsWith('/api/feedback') && (r.request().postData() ?? '').includes(part));
    let sent = feedback('"up"');
    await up.click();
    expect((await sent).status()).toBe(204);
    await answer.locator('.note', { hasText: '谢谢反馈' }).waitFor();
    expect(await up.getAttribute('aria-pressed')).toBe('true');

    sent = feedback('"down"');
    await down.click();
    expect((await sent).status()).toBe(204);
    expect(await answer.locator('.why').isVisible()).toBe(true);
    sent = feedback('数字不对');
    await answer.locator('.why input').fill('数字不对');
    await answer.locator('.why input').press('Enter');
    expect((await sent).status()).toBe(204);
    expect(await down.getAttribute('aria-pressed')).toBe('true');
    expect(await up.getAttribute('aria-pressed')).toBe('false');
    const { items } = await answers.store!.list({ rating: 'down' }, 10);
    expect(items[0]).toMatchObject({ channel: 'widget', question: '平陆招商目标是多少', rating: 'down', comment: '数字不对' });
    await page.screenshot({ path: `${SHOTS}/widget-feedback-1280.png` });

    await page.reload();
    await page.locator('.launcher').click();
    expect(await page.locator('.msg.bot button.rate.down').last().getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists related passages under a refusal, apart from the answer, and opens one from the keyboard', async () => {
    const REFUSAL = '抱歉，现有资料中没有找到能回答这个问题的内容。';
    const { hits } = (await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('招商引资项目')}&k=3`)).json()) as {
      hits: { chunkId: number; source: string; title: string; text: string; start: number; end: number; score: number }[];
    };
    const related = hits.map(({ chunkId: _id, ...rest }) => rest);
    const refusal: Answer = { answer: REFUSAL, found: false, query: '招商引资的负责人电话是多少', citations: [], related };
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const { page, errors, context } = await openDemo(viewport);
      await page.route('**/api/chat', (r) => r.fulfill({ status: 200, contentType: 'text/event-stream', body: sse(refusal) }));
      const none = await askAndWait(page, '招商引资的负责人电话是多少');
      expect(await none.getAttribute('class')).toContain('notfound');
      const section = none.locator('.related');
      expect(await section.locator('.rh').innerText()).toContain('可能相关的内容');
      const items = section.locator('button');
      expect(await items.count()).toBe(related.length);
      expect(await section.locator('b').first().innerText()).toBe(`《${related[0].title}》`);
      expect(await section.locator('b').count()).toBe(related.filter((r, i) => r.title !== related[i - 1]?.title).length);
      expect(related[0].text.replace(/\s+/g, ' ')).toContain(await items.first().innerText());
      expect(await section.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      await page.screenshot({ path: `${SHOTS}/widget-related-${viewport.width}.png` });

      await items.first().focus();
      await page.keyboard.press('Enter');
      const passage = page.locator('.passage');
      await passage.waitFor();
      expect(await passage.locator('h3').innerText()).toBe(related[0].title);
      expect(await passage.locator('.src').innerText()).toContain('不是答案');
      expect(await passage.locator('p').innerText()).toBe(related[0].text);
      expect(await passage.locator('mark').count()).toBe(0);
      await page.screenshot({ path: `${SHOTS}/widget-related-passage-${viewport.width}.png` });
      await page.keyboard.press('Escape');
      await expect.poll(() => passage.isHidden()).toBe(true);
      expect(errors, errors.join('\n')).toEqual([]);
      await context.close();
    }
  });

  it('shows small talk as a plain reply, not as a refusal', async () => {
    const { page, context } = await openDemo();
    const hello = '您好！我能回答关于已收录的 5 份文件的问题，并给出答案所在的原文段落；数字、人名、日期、清单这类问题最拿手。';
    await page.route('**/api/chat', (r) =>
      r.fulfill({ status: 200, contentType: 'text/event-stream', body: sse({ answer: hello, found: false, query: '你好', citations: [], intent: 'smalltalk' }) }),
    );
    const reply = await askAndWait(page, '你好');
    expect(await reply.getAttribute('class')).not.toContain('notfound');
    expect(await reply.locator('.related').count()).toBe(0);
    expect(await reply.locator('.text').innerText()).toBe(hello);
    expect(await page.locator('.status').innerText()).toBe('已回答');
    await page.screenshot({ path: `${SHOTS}/widget-smalltalk.png` });
    await context.close();
  });

  it('does not send on an Enter that confirms an IME composition; Shift+Enter adds a line', async () => {
    const { page, context } = await openDemo();
    const box = page.locator('textarea');
    await box.fill('平陆');
    const users = await page.locator('.msg.user').count();
    await box.evaluate((t) => {
      t.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      t.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
      t.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, bubbles: true, cancelable: true }));
      t.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true }));
    });
    await page.waitForTimeout(300);
    expect(await page.locator('.msg.user').count()).toBe(users);
    expect(await box.inputValue()).toBe('平陆');
    await box.press('Shift+Enter');
    expect(await box.inputValue()).toBe('平陆\n');
    await context.close();
  });

  it('keeps page styles out and its own styles in', async () => {
    const { page, context } = await openDemo(undefined, friendly.url);
    const send = await page.locator('form .send').evaluate((b) => {
      const s = getComputedStyle(b);
      return { bg: s.backgroundColor, font: s.fontFamily, size: s.fontSize };
    });
    expect(send.bg).not.toBe('rgb(0, 255, 0)');
    expect(send.font).not.toMatch(/Times New Roman/);
    expect(send.size).not.toBe('30px');
    const pageButton = await page.locator('main button').evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(pageButton).toBe('rgb(0, 255, 0)');
    const letterSpacing = await page.locator('.log').evaluate((d) => getComputedStyle(d).letterSpacing);
    expect(letterSpacing).toBe('normal');
    await context.close();
  });

  it('fills the screen on a phone', async () => {
    const { page, context } = await openDemo({ width: 375, height: 667 });
    const box = await page.locator('.panel').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 667 });
    await askAndWait(page, '衡水市委书记是谁');
    await page.screenshot({ path: `${SHOTS}/widget-mobile.png` });
    await context.close();
  });

  it('keeps the conversation for the tab, and starts a new one on request', async () => {
    const { page, context } = await openDemo();
    await askAndWait(page, '枣强县委书记是谁');
    await page.reload();
    await page.locator('.launcher').click();
    expect(await page.locator('.msg.user').allInnerTexts()).toContain('枣强县委书记是谁');
    await page.locator('header .new').click();
    expect(await page.locator('.msg.user').count()).toBe(0);
    expect(await page.locator('.suggest button').count()).toBeGreaterThan(0);
    await page.locator('.suggest button').first().click();
    await page.locator('.msg.bot .tools').first().waitFor();
    await context.close();
  });

  it('shows errors with a retry: server error, rate limit, cut stream, network down', async () => {
    const { page, context } = await openDemo();
    const cases: [string, (route: import('playwright-core').Route) => Promise<void>, RegExp][] = [
      ['5xx', (r) => r.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal","message":"x"}}' }), /服务暂时不可用/],
      ['429', (r) => r.fulfill({ status: 429, headers: { 'retry-after': '7' }, contentType: 'application/json', body: '{"error":{"code":"rate_limited","message":"x"}}' }), /7 秒后/],
      ['cut', (r) => r.fulfill({ status: 200, contentType: 'text/event-stream', body: 'event: delta\ndata: {"text":"力争"}\n\n' }), /中断/],
      ['down', (r) => r.abort('internetdisconnected'), /网络/],
    ];
    for (const [name, handler, message] of cases) {
      await page.route('**/api/chat', handler);
      await page.locator('textarea').fill('平陆县长是谁');
      await page.locator('textarea').press('Enter');
      const error = page.locator('.msg.error').last();
      await error.waitFor();
      expect(await error.innerText(), name).toMatch(message);
      await page.unroute('**/api/chat');
      if (name === 'down') {
        await page.screenshot({ path: `${SHOTS}/widget-error.png` });
        await error.locator('.retry').click();
        const answered = page.locator('.msg.bot:not(.greeting) .tools').last();
        await answered.waitFor();
        expect(await page.locator('.msg.bot:not(.greeting)').last().innerText()).toContain('翟纪亭');
      } else await error.locator('.retry').evaluate((b) => (b.closest('.msg') as HTMLElement).remove());
    }
    await context.close();
  });

  it('stops generating on request', async () => {
    const { page, context } = await openDemo();
    await page.route('**/api/chat', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue().catch(() => {});
    });
    await page.locator('textarea').fill('平陆县长是谁');
    await page.locator('textarea').press('Enter');
    await page.locator('form .stop').click();
    await expect.poll(() => page.locator('form .send').isVisible()).toBe(true);
    expect(await page.locator('.status').innerText()).toContain('已停止');
    await context.close();
  });

  it('closes on Escape and gives focus back to the launcher', async () => {
    const { page, context } = await openDemo();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.panel').isHidden()).toBe(true);
    expect(await page.locator('.launcher').evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);
    expect(await page.locator('.launcher').getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });

  it('works from an allowed site on another origin, and is refused from others', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(friendly.url);
    await page.locator('.launcher').click();
    expect(await (await askAndWait(page, '平陆招商目标是多少')).innerText()).toContain('50个');
    const other = await context.newPage();
    await other.goto(stranger.url);
    await other.locator('.launcher').click();
    await other.locator('textarea').fill('平陆招商目标是多少');
    await other.locator('textarea').press('Enter');
    await other.locator('.msg.error').waitFor();
    await context.close();
  });

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`at ${viewport.width}×${viewport.height}: fits the screen, and every citation of an answer is reachable and titled`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(server.url);
      const inside = async (selector: string) => {
        const box = (await page.locator(selector).boundingBox())!;
        return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
      };
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await inside('.launcher')).toBe(true);
      await page.screenshot({ path: `${SHOTS}/demo-${viewport.width}.png` });
      await page.locator('.launcher').click();
      expect(await inside('.panel')).toBe(true);

      const answer = await askAndWait(page, '平陆招商目标是多少');
      expect(await answer.locator('strong').allInnerTexts()).toEqual(expect.arrayContaining(['50个']));
      const sources = answer.locator('.sources .source');
      const count = await sources.count();
      expect(count).toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        const title = await sources.nth(i).locator('.t').innerText();
        expect(title).not.toMatch(HASH_NAME);
        expect(title.length).toBeGreaterThan(3);
        expect(await sources.nth(i).locator('.n').innerText()).toBe(String(i + 1));
      }
      await page.screenshot({ path: `${SHOTS}/widget-sources-${viewport.width}.png` });
      for (let i = 0; i < count; i++) {
        const title = await sources.nth(i).locator('.t').innerText();
        await sources.nth(i).focus();
        await page.keyboard.press('Enter');
        const passage = page.locator('.passage');
        await passage.waitFor();
        expect(await passage.locator('h3').innerText()).toBe(`[${i + 1}] ${title}`);
        expect(await passage.innerText()).not.toMatch(HASH_NAME);
        if (i === 0) {
          expect(await passage.locator('mark').innerText()).toContain('50个');
          await page.screenshot({ path: `${SHOTS}/widget-passage-${viewport.width}.png` });
        }
        await page.keyboard.press('Escape');
        await expect.poll(() => passage.isHidden()).toBe(true);
      }
      expect(await inside('.panel')).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      const controls = await page.locator('[data-zhida-widget]').evaluate((host) => [...host.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent ?? ''));
      expect(controls.filter((t) => SYMBOL_GLYPHS.test(t))).toEqual([]);
      await context.close();
    });
  }

  it('has text at 4.5:1 contrast or more on the header, the send button and the chips', async () => {
    const { page, context } = await openDemo();
    await askAndWait(page, '平陆招商目标是多少');
    const ratios = await page.locator('[data-zhida-widget]').evaluate((host) => {
      const root = host.shadowRoot!;
      const rgb = (c: string) => c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
      const luminance = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (text: Element, background: Element) => {
        const [a, b] = [luminance(getComputedStyle(text).color), luminance(getComputedStyle(background).backgroundColor)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
      };
      const header = root.querySelector('header')!;
      const chip = root.querySelector('.chip')!;
      return {
        title: ratio(header.querySelector('h2')!, header),
        newButton: ratio(header.querySelector('.new')!, header),
        close: ratio(header.querySelector('.close')!, header),
        send: ratio(root.querySelector('form .send')!, root.querySelector('form .send')!),
        chip: ratio(chip, chip),
      };
    });
    for (const [name, ratio] of Object.entries(ratios)) expect(ratio, name).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });

  it('answers a simplified question about the traditional-character document in simplified characters, citing the original', async () => {
    const { page, context } = await openDemo({ width: 390, height: 844 });
    const answer = await askAndWait(page, '环县洪涝灾害造成的直接经济损失是多少');
    const text = await answer.locator('.text').innerText();
    expect(text).toContain('1.8亿元');
    expect(text).not.toMatch(/[億經濟損災澇縣]/);
    await page.screenshot({ path: `${SHOTS}/widget-simplified-390.png` });
    await answer.locator('.sources .source').first().click();
    const passage = page.locator('.passage');
    await passage.waitFor();
    expect(await passage.locator('mark').innerText()).toContain('1.8億元');
    await page.screenshot({ path: `${SHOTS}/widget-traditional-390.png` });
    await context.close();
  });
});
