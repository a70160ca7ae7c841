/** @jsxImportSource hono/jsx */
/** @module qa-pages: 问答对: the list of curated answers and the form that adds or edits one. */
import type { CuratedAnswer, CuratedInput } from '../../core/curated/curated-types.js';
import { Csrf, Page } from './layout.js';
import { Icon } from './icons.js';

export function QaListPage({ pairs, csrf, notice, calibrated, timeZone }: { pairs: CuratedAnswer[]; csrf: string; notice?: string; calibrated: boolean; timeZone: string }) {
  const day = new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (
    <Page title="问答对" section="qa" csrf={csrf} notice={notice ? { text: notice } : undefined}>
      <p class="muted">
        {calibrated
          ? '提问与某个问答对的问题意思相同（换个说法也可以）时，直接用这里写好的回答，并注明出自问答对；只有把握较大时才会采用。'
          : '当前的向量模型没有校准过相似度阈值：只有与问答对的问题文字相同的提问才会用这里的回答。'}
      </p>
      <p><a class="btn" href="/admin/qa/new"><Icon name="plus" />新增问答对</a></p>
      <section class="card">
        {pairs.length === 0 && <p class="muted">还没有问答对。可以在“对话记录”里把没找到答案的问题设为问答对。</p>}
        {pairs.map((p) => (
          <article class="entry" data-id={p.id}>
            <p class="q">{p.question}</p>
            <div class="a">{p.answer}</div>
            <div class="meta">
              <span>{`编号 ${p.id}`}</span>
              {p.source && <span>{`出处：${p.source}`}</span>}
              <span>{`更新于 ${day.format(p.updated)}`}</span>
            </div>
            <div class="actions" style="margin-top:6px">
              <a class="btn plain" href={`/admin/qa/${p.id}/edit`}><Icon name="edit" />编辑</a>
              <form method="post" action={`/admin/qa/${p.id}/delete`} style="margin:0" onsubmit="return confirm('删除这个问答对？删除后不能恢复。')">
                <Csrf token={csrf} />
                <button class="btn danger" type="submit"><Icon name="trash" />删除</button>
              </form>
            </div>
          </article>
        ))}
      </section>
    </Page>
  );
}

export function QaFormPage({ id, value, csrf, error }: { id?: string; value: Partial<CuratedInput>; csrf: string; error?: string }) {
  return (
    <Page title={id ? '编辑问答对' : '新增问答对'} section="qa" csrf={csrf} notice={error ? { text: error, error: true } : undefined}>
      <form class="card" method="post" action={id ? `/admin/qa/${id}` : '/admin/qa'}>
        <Csrf token={csrf} />
        <label for="question">问题</label>
        <input id="question" type="text" name="question" value={value.question ?? ''} required maxlength={1000} />
        <label for="answer">回答</label>
        <textarea id="answer" name="answer" required maxlength={20000}>{value.answer ?? ''}</textarea>
        <label for="source">出处（可选）</label>
        <input id="source" type="text" name="source" value={value.source ?? ''} maxlength={300} placeholder="例如：2024年办事指南第3页" />
        <div class="actions" style="margin-top:14px">
          <button class="btn" type="submit">保存</button>
          <a class="btn plain" href="/admin/qa">取消</a>
        </div>
      </form>
    </Page>
  );
}
