/** @module widget-app: serves the embeddable widget (`/widget.js`) and a demo page (`/`) that embeds it like a customer would. */
import { Hono } from 'hono';

export interface WidgetDeps {
  /** The built widget script (esbuild output). */
  script: string;
  /** Title shown on the demo page and the widget. */
  title?: string;
  suggestions?: string[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page at `/`: what the bot is, questions to try, and the one line that embeds it; it fits a phone's width (the
 * snippet wraps rather than widening the page, so the launcher stays on screen).
 */
export function demoPage(title: string, suggestions: string[]): string {
  const snippet = `<script\n  src="https://你的域名/widget.js"\n  data-title="${title}" async>\n</script>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.75 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f2328; background: #f6f7f9; }
  .bar { background: #a50d24; color: #fff; }
  .bar div, main { max-width: 760px; margin: 0 auto; padding: 0 20px; }
  .bar div { padding-top: 14px; padding-bottom: 14px; font-size: 18px; font-weight: 600; }
  main { padding-top: 28px; padding-bottom: 120px; }
  h1 { font-size: 26px; line-height: 1.4; margin: 0 0 12px; }
  h2 { font-size: 18px; margin: 32px 0 8px; }
  p, li { color: #3b434b; }
  ul { padding-left: 1.2em; }
  pre { margin: 0; padding: 14px 16px; border-radius: 8px; background: #1f2328; color: #f0f3f6; font: 14px/1.6 ui-monospace, Menlo, Consolas, monospace;
    white-space: pre-wrap; overflow-wrap: anywhere; max-width: 100%; }
  code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; background: #e8ebef; padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
</style>
</head>
<body>
<header class="bar"><div>${escapeHtml(title)}</div></header>
<main>
  <h1>从已收录的文件中找答案，并注明出处</h1>
  <p>点击右下角的按钮提问。答案逐字摘自收录的讲话、报告和政策文件，每条答案都附有来源：文件标题、日期和页码，点开即可看到原文段落。</p>
  <h2>可以这样问</h2>
  <ul>${suggestions.map((q) => `<li>${escapeHtml(q)}</li>`).join('')}</ul>
  <h2>嵌入到您的网站</h2>
  <p>把下面这段代码放进网页的 <code>&lt;body&gt;</code> 中即可：</p>
  <pre>${escapeHtml(snippet)}</pre>
  <p>可选属性：<code>data-color</code>（主题色）、<code>data-position</code>（<code>left</code> 或 <code>right</code>）、<code>data-greeting</code>（欢迎语）、<code>data-suggestions</code>（推荐问题，用 <code>|</code> 分隔）。其他域名的网站需要在服务器的 <code>ALLOWED_ORIGINS</code> 中登记。</p>
</main>
<script src="/widget.js" data-title="${escapeHtml(title)}" data-suggestions="${escapeHtml(suggestions.join('|'))}" async></script>
</body>
</html>`;
}

export function createWidgetApp({ script, title = '政策问答', suggestions = ['平陆招商目标是多少', '枣强县委书记是谁', '衡水湖片区的总体定位是什么'] }: WidgetDeps): Hono {
  const app = new Hono();
  const page = demoPage(title, suggestions);
  app.get('/widget.js', (c) =>
    c.body(script, 200, {
      'Content-Type': 'application/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    }),
  );
  app.get('/', (c) => c.html(page));
  return app;
}
