/**
 * @module styles: the widget's CSS, scoped by its shadow root; `:host { all: initial }` keeps page styles out. The reset
 * that makes elements inherit the font and colour is wrapped in `:where()` (no specificity), so that every rule below
 * it wins: white text on the theme colour stays white (it used to inherit dark grey, 2.7:1 on red).
 */

export const styles = (color: string, position: 'left' | 'right') => `
:host { all: initial; }
.zw { all: initial; font: 15px/1.6 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f2328; }
:where(.zw *, .zw *::before, .zw *::after) { box-sizing: border-box; font: inherit; color: inherit; }
button { cursor: pointer; border: 0; background: none; padding: 0; margin: 0; }
.launcher { position: fixed; bottom: 20px; ${position}: 20px; z-index: 2147483000; width: 56px; height: 56px; border-radius: 50%;
  background: ${color}; color: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.25); font-size: 26px; display: grid; place-items: center; }
.launcher:focus-visible, button:focus-visible, textarea:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.panel { position: fixed; bottom: 88px; ${position}: 20px; z-index: 2147483001; width: 380px; height: min(600px, calc(100vh - 110px));
  background: #fff; border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.28); display: flex; flex-direction: column; overflow: hidden; }
.panel[hidden], .passage[hidden], .stop[hidden], .suggest[hidden] { display: none; }
header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: ${color}; color: #fff; }
header h2 { margin: 0; flex: 1; font-size: 16px; font-weight: 600; color: #fff; }
header button { color: #fff; padding: 4px 8px; border-radius: 6px; font-size: 13px; line-height: 1; min-height: 28px; display: inline-flex; align-items: center; }
header button svg { display: block; }
header button:hover { background: rgba(255,255,255,.18); }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; background: #f6f7f9; }
.msg { max-width: 88%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; word-break: break-word; }
.user { align-self: flex-end; background: ${color}; color: #fff; }
.bot { align-self: flex-start; background: #fff; border: 1px solid #e3e6ea; }
.bot.notfound { background: #fff8e6; border-color: #f0d58c; color: #6b5200; }
.bot.notfound::before { content: "未找到依据"; display: block; font-weight: 600; }
.bot.greeting { color: #57606a; }
.related { margin-top: 8px; padding-top: 6px; border-top: 1px dashed #d4b45a; font-size: 13px; }
.related .rh { font-size: 12px; }
.related b { display: block; margin-top: 6px; color: #1f2328; font-weight: 600; }
.related button { display: block; width: 100%; margin-top: 4px; padding: 3px 8px; border: 1px solid #e3e6ea; border-radius: 8px; background: #fff;
  color: #57606a; text-align: left; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.related button:hover { border-color: #8c959f; }
.bot strong { font-weight: 700; color: #1f2328; }
.sources { margin-top: 8px; padding-top: 6px; border-top: 1px solid #e3e6ea; font-size: 13px; }
.sources .sh { font-size: 12px; color: #57606a; }
.sources ul { list-style: none; margin: 0; padding: 0; }
.sources li { margin: 4px 0 0; }
.sources .source { display: flex; flex-wrap: wrap; column-gap: 6px; align-items: baseline; width: 100%; padding: 3px 6px; border-radius: 6px; text-align: left; color: #1f2328; }
.sources .source:hover { background: #f6f7f9; }
.sources .n { flex: none; min-width: 18px; padding: 0 4px; border-radius: 9px; background: ${color}; color: #fff; font-size: 11px; line-height: 17px; text-align: center; }
.sources .t { flex: 1; min-width: 0; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.sources .m { flex: none; color: #57606a; font-size: 12px; }
.sources .x { flex: 0 0 100%; padding-left: 24px; color: #57606a; font-size: 12px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.bot .tools { display: flex; gap: 8px; margin-top: 6px; font-size: 12px; color: #57606a; }
.bot .tools button { color: #0969da; }
.bot .tools .rate { display: inline-flex; padding: 2px; color: #57606a; }
.bot .tools .rate[aria-pressed="true"] { color: ${color}; }
.bot .why { display: flex; gap: 6px; margin-top: 6px; }
.bot .why[hidden] { display: none; }
.bot .why input { flex: 1; min-width: 0; padding: 4px 6px; border: 1px solid #d0d7de; border-radius: 6px; font: inherit; font-size: 13px; }
.bot .why button { color: #0969da; font-size: 13px; }
.chip { display: inline-block; min-width: 20px; padding: 0 5px; margin: 0 2px; border-radius: 10px; background: ${color}; color: #fff !important;
  font-size: 12px; line-height: 18px; vertical-align: 1px; text-align: center; }
.chip[disabled] { opacity: .5; cursor: default; }
.error { align-self: stretch; background: #ffebe9; border: 1px solid #ffb3ad; color: #82071e; }
.error button { margin-left: 8px; color: #0969da; text-decoration: underline; }
.note { font-size: 12px; color: #57606a; }
.suggest { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 12px 8px; background: #f6f7f9; }
.suggest button { border: 1px solid #d0d7de; background: #fff; border-radius: 14px; padding: 3px 10px; font-size: 13px; }
.passage { position: absolute; inset: 52px 0 0 0; background: #fff; padding: 14px; overflow-y: auto; }
.passage h3 { margin: 0 0 4px; font-size: 15px; font-weight: 600; }
.passage h3:focus { outline: none; }
.passage .src { font-size: 12px; color: #57606a; margin-bottom: 8px; }
.passage .src[hidden] { display: none; }
.passage p { white-space: pre-wrap; margin: 0; }
.passage mark { background: #fff1a8; color: inherit; padding: 0 1px; }
.passage .back { color: #0969da; margin-bottom: 8px; display: inline-flex; align-items: center; gap: 2px; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e3e6ea; background: #fff; }
textarea { flex: 1; resize: none; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px; max-height: 120px; min-height: 40px; background: #fff; }
form button { padding: 0 14px; border-radius: 8px; background: ${color}; color: #fff; }
form .stop { background: #57606a; }
.status { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media (max-width: 480px) {
  .panel { inset: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; bottom: 0; ${position}: 0; }
}
`;
