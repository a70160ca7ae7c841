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

export function demoPage(title: string, suggestions: string[]): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)} · 演示</title>
<style>
  /* Deliberately loud page styles: none of them may reach the widget. */
  * { font-family: "Times New Roman", serif; }
  body { margin: 0; padding: 32px; background: #fafaf5; color: #333; line-height: 1.8; }
  button { background: lime !important; color: purple !important; border: 4px dashed red !important; font-size: 30px !important; }
  div { letter-spacing: 3px; }
  main { max-width: 720px; margin: auto; }
</style>
</head>
<body>
<main>
  <h1>${escapeHtml(title)}</h1>
  <p>这是演示页面。右下角的按钮打开问答窗口：输入问题，答案从已收录的讲话、报告和政策文件中逐句摘出，并附上出处。</p>
  <p>把下面一行放进任何网页即可使用：</p>
  <pre>&lt;script src="https://你的域名/widget.js" data-title="政策问答" async&gt;&lt;/script&gt;</pre>
  <button type="button">页面自己的按钮</button>
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
