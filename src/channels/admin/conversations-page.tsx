/** @jsxImportSource hono/jsx */
/** @module conversations-page: 对话记录: the log, filtered, each entry with its answer, sources and rating. */
import type { ConversationEntry, ConversationFilter } from '../../core/conversation/conversation-types.js';
import { Page } from './layout.js';
import { Icon } from './icons.js';

const CHANNEL_NAMES: Record<string, string> = { widget: '网页组件', http: '接口', openai: 'OpenAI 接口', wechat: '微信' };

export interface ConversationsView {
  entries: ConversationEntry[];
  filter: ConversationFilter;
  next: string | null;
  timeZone: string;
  csrf: string;
  keeps: boolean;
}

const sourceName = (s: string) => (s.startsWith('qa:') ? `问答对 ${s.slice(3)}` : s);

function query(filter: ConversationFilter, cursor?: string): string {
  const p = new URLSearchParams();
  if (filter.found === false) p.set('found', 'false');
  if (filter.rating) p.set('rating', filter.rating);
  if (filter.channel) p.set('channel', filter.channel);
  if (filter.text) p.set('q', filter.text);
  if (cursor) p.set('cursor', cursor);
  return p.size ? `?${p}` : '';
}

export function ConversationsPage({ entries, filter, next, timeZone, csrf, keeps }: ConversationsView) {
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  return (
    <Page title="对话记录" section="conversations" csrf={csrf} notice={keeps ? undefined : { text: '这个部署不保存对话记录。', error: true }}>
      <form class="card filters" method="get" action="/admin/conversations" role="search">
        <div class="wide">
          <label for="q">搜索问题或回答</label>
          <input id="q" type="search" name="q" value={filter.text ?? ''} placeholder="例如：社保卡" />
        </div>
        <div>
          <label for="channel">渠道</label>
          <select id="channel" name="channel">
            <option value="">全部渠道</option>
            {Object.entries(CHANNEL_NAMES).map(([value, name]) => (
              <option value={value} selected={filter.channel === value}>{name}</option>
            ))}
          </select>
        </div>
        <label class="check"><input type="checkbox" name="found" value="false" checked={filter.found === false} />只看没找到答案</label>
        <label class="check"><input type="checkbox" name="rating" value="down" checked={filter.rating === 'down'} />只看没帮助</label>
        <button class="btn" type="submit"><Icon name="search" />筛选</button>
      </form>
      <section class="card">
        {entries.length === 0 && <p class="muted">没有符合条件的对话。</p>}
        {entries.map((e) => (
          <article class="entry" data-id={e.id}>
            <div class="meta">
              <span>{time.format(e.time)}</span>
              <span>{CHANNEL_NAMES[e.channel] ?? e.channel}</span>
              {e.found ? <span class="tag">找到答案</span> : <span class="tag no">没找到答案</span>}
              {e.rating === 'up' && <span class="tag up"><Icon name="up" />有帮助</span>}
              {e.rating === 'down' && <span class="tag down"><Icon name="down" />没帮助</span>}
              <span>{`${e.latencyMs} 毫秒`}</span>
            </div>
            <p class="q">{e.question}</p>
            {e.query !== e.question && <p class="muted" style="margin:0;font-size:13px">{`按“${e.query}”检索`}</p>}
            <div class={e.found ? 'a' : 'a refused'}>{e.answer}</div>
            {e.sources.length > 0 && <p class="muted" style="margin:4px 0;font-size:13px">{`引用：${e.sources.map(sourceName).join('、')}`}</p>}
            {e.comment && <p style="margin:4px 0;font-size:14px">{`反馈意见：${e.comment}`}</p>}
            <div class="actions">
              {e.sources.find((s) => s.startsWith('qa:')) ? (
                <a class="btn plain" href={`/admin/qa/${e.sources.find((s) => s.startsWith('qa:'))!.slice(3)}/edit`}><Icon name="edit" />编辑这个问答对</a>
              ) : (
                <a class="btn plain" href={`/admin/qa/new?question=${encodeURIComponent(e.question)}`}><Icon name="plus" />设为问答对</a>
              )}
            </div>
          </article>
        ))}
        {next && (
          <p><a class="btn plain" href={`/admin/conversations${query(filter, next)}`}>下一页</a></p>
        )}
      </section>
    </Page>
  );
}
