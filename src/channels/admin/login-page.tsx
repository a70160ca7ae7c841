/** @jsxImportSource hono/jsx */
/** @module login-page: the console's login form, and its pages for a disabled console and for errors. */
import { Document } from './layout.js';
import { Icon } from './icons.js';

export function LoginPage({ csrf, error, expired }: { csrf: string; error?: string; expired?: boolean }) {
  return (
    <Document title="登录">
      <main class="login">
        <div class="card">
          <h1 style="display:flex;gap:8px;align-items:center"><Icon name="lock" />问答管理后台</h1>
          {error && <div class="notice error" role="alert">{error}</div>}
          {expired && !error && <div class="notice" role="status">登录已过期，请重新登录。</div>}
          <form method="post" action="/admin/login">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="token">管理令牌</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
            <p class="muted" style="font-size:13px">即服务器上设置的 ADMIN_TOKEN。令牌只用于本次登录，不会保存在浏览器里。</p>
            <button class="btn" type="submit">登录</button>
          </form>
        </div>
      </main>
    </Document>
  );
}

export function DisabledPage() {
  return (
    <Document title="未启用">
      <main class="login">
        <div class="card">
          <h1 style="display:flex;gap:8px;align-items:center"><Icon name="lock" />管理后台未启用</h1>
          <p>服务器没有设置 ADMIN_TOKEN，管理后台和管理接口都已关闭。设置 ADMIN_TOKEN 后重新启动即可使用。</p>
        </div>
      </main>
    </Document>
  );
}

/** An error met on a console page, said in Chinese, with the way back. */
export function ErrorPage({ title, text, loginAgain }: { title: string; text: string; loginAgain?: boolean }) {
  return (
    <Document title={title}>
      <main class="login">
        <div class="card">
          <h1 style="display:flex;gap:8px;align-items:center"><Icon name="warn" />{title}</h1>
          <p>{text}</p>
          <p>{loginAgain ? <a href="/admin/login">重新登录</a> : <a href="/admin">回到管理后台</a>}</p>
        </div>
      </main>
    </Document>
  );
}
