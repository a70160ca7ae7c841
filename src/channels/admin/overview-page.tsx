/** @jsxImportSource hono/jsx */
/** @module overview-page: 概览: the figures of the last days, the daily chart and the most frequent unanswered questions. */
import type { LogStats } from '../../core/conversation/log-stats.js';
import { Page } from './layout.js';
import { Icon } from './icons.js';
import { DailyChart } from './daily-chart.js';

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function OverviewPage({ stats, days, csrf, keeps }: { stats: LogStats; days: number; csrf: string; keeps: boolean }) {
  return (
    <Page title="概览" section="overview" csrf={csrf} notice={keeps ? undefined : { text: '这个部署不保存对话记录，下面的数字都是 0。', error: true }}>
      <div class="figures">
        <div class="figure"><span>{`近${days}天提问`}</span><b>{stats.questions}</b></div>
        <div class="figure"><span>找到答案率</span><b>{percent(stats.found_rate)}</b></div>
        <div class="figure"><span>有帮助</span><b><Icon name="up" label="有帮助" />{stats.ratings.up}</b></div>
        <div class="figure"><span>没帮助</span><b><Icon name="down" label="没帮助" />{stats.ratings.down}</b></div>
      </div>
      <section class="card">
        <h2>每日提问与找到答案率</h2>
        <DailyChart days={stats.by_day} width={900} class="chart-wide" />
        <DailyChart days={stats.by_day} width={360} class="chart-narrow" />
      </section>
      <section class="card">
        <h2>没找到答案的常见问题</h2>
        {stats.top_unanswered.length ? (
          <ol class="top">
            {stats.top_unanswered.map((u) => (
              <li>
                <span>{u.question}</span> <span class="muted">{`（${u.count} 次）`}</span>{' '}
                <a href={`/admin/qa/new?question=${encodeURIComponent(u.question)}`}>设为问答对</a>
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">这段时间里没有没找到答案的问题。</p>
        )}
      </section>
    </Page>
  );
}
