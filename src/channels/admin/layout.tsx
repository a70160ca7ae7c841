/** @jsxImportSource hono/jsx */
/** @module layout: the console's page shell: header with navigation and logout, then the page. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { Icon, type IconName } from './icons.js';
import { ADMIN_CSS } from './admin-styles.js';

export type Section = 'overview' | 'conversations' | 'qa' | 'documents';

const NAV: { key: Section; href: string; label: string; icon: IconName }[] = [
  { key: 'overview', href: '/admin', label: '概览', icon: 'chart' },
  { key: 'conversations', href: '/admin/conversations', label: '对话记录', icon: 'chat' },
  { key: 'qa', href: '/admin/qa', label: '问答对', icon: 'qa' },
  { key: 'documents', href: '/admin/documents', label: '文档', icon: 'doc' },
];

export function Document({ title, children }: { title: string; children: Child }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{`${title} · 问答管理后台`}</title>
        <style>{raw(ADMIN_CSS)}</style>
      </head>
      <body>{children}</body>
    </html>
  );
}

export function Page({ title, section, csrf, notice, children }: { title: string; section: Section; csrf: string; notice?: { text: string; error?: boolean }; children: Child }) {
  return (
    <Document title={title}>
      <header>
        <div class="bar">
          <div class="brand">问答管理后台</div>
          <nav aria-label="主导航">
            {NAV.map((n) => (
              <a href={n.href} aria-current={n.key === section ? 'page' : undefined}>
                <Icon name={n.icon} />
                {n.label}
              </a>
            ))}
          </nav>
          <form method="post" action="/admin/logout">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit">
              <Icon name="logout" />
              退出
            </button>
          </form>
        </div>
      </header>
      <main>
        <h1>{title}</h1>
        {notice && <div class={notice.error ? 'notice error' : 'notice'} role={notice.error ? 'alert' : 'status'}>{notice.text}</div>}
        {children}
      </main>
    </Document>
  );
}

/** The CSRF token every state-changing form carries. */
export const Csrf = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;
