/** @jsxImportSource hono/jsx */
/** @module daily-chart: questions per day (bars, the found part darker) and the found rate (line), as server-rendered SVG. */
import type { LogStats } from '../../core/conversation/log-stats.js';

const H = 240;
const PAD = { left: 34, right: 42, top: 12, bottom: 28 };

/**
 * `width` is the drawing's own width: the page draws the chart twice, wide for a desktop and narrow for a phone, so that
 * its labels keep a readable size when the SVG is scaled to the screen (CSS shows one).
 */
export function DailyChart({ days, width: W, class: className }: { days: LogStats['by_day']; width: number; class: string }) {
  const max = Math.max(1, ...days.map((d) => d.questions));
  const top = Math.ceil(max / 4) * 4 || 4;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, days.length);
  const barW = Math.max(2, step * 0.7);
  const y = (n: number) => PAD.top + plotH - (n / top) * plotH;
  const rate = days.map((d, i) => (d.questions ? `${PAD.left + i * step + step / 2},${PAD.top + plotH - (d.found / d.questions) * plotH}` : '')).filter(Boolean);
  const every = Math.ceil(days.length / Math.max(2, Math.floor(W / 90)));
  const total = days.reduce((n, d) => n + d.questions, 0);
  return (
    <figure class={className} style="margin:0">
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`近${days.length}天每日提问数与找到答案率，共${total}个问题`}>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} stroke="#e5e7eb" />
            <text x={PAD.left - 6} y={y(top * f) + 4} text-anchor="end" font-size="12" fill="#4b5563">{String(Math.round(top * f))}</text>
            <text x={W - PAD.right + 6} y={y(top * f) + 4} font-size="12" fill="#92400e">{`${Math.round(f * 100)}%`}</text>
          </g>
        ))}
        {days.map((d, i) => (
          <g>
            <rect x={PAD.left + i * step + (step - barW) / 2} y={y(d.questions)} width={barW} height={y(0) - y(d.questions)} fill="#bfdbfe">
              <title>{`${d.date}：${d.questions} 个问题，找到答案 ${d.found} 个`}</title>
            </rect>
            <rect x={PAD.left + i * step + (step - barW) / 2} y={y(d.found)} width={barW} height={y(0) - y(d.found)} fill="#1d4ed8" />
            {i % every === 0 && (
              <text x={PAD.left + i * step + step / 2} y={H - 8} text-anchor="middle" font-size="12" fill="#4b5563">{d.date.slice(5)}</text>
            )}
          </g>
        ))}
        {rate.length > 1 && <polyline points={rate.join(' ')} fill="none" stroke="#b45309" stroke-width="2" />}
        {rate.map((p) => {
          const [cx, cy] = p.split(',');
          return <circle cx={cx} cy={cy} r="3" fill="#b45309" />;
        })}
      </svg>
      <figcaption class="legend">
        <span><i class="swatch" style="background:#bfdbfe" />提问数</span>
        <span><i class="swatch" style="background:#1d4ed8" />找到答案</span>
        <span><i class="swatch" style="background:#b45309" />找到答案率（右轴）</span>
      </figcaption>
    </figure>
  );
}
