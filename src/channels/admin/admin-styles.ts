/** @module admin-styles: the console's stylesheet: system fonts, text at 4.5:1 or more, one column below 720 px. */
export const ADMIN_CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;color:#1f2937;background:#f3f4f6}
a{color:#1d4ed8}
header{background:#1e3a8a;color:#fff}
.bar{max-width:1100px;margin:0 auto;padding:0 16px;display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.brand{font-weight:600;font-size:17px;padding:12px 8px 12px 0;margin-right:auto}
nav{display:flex;gap:2px;overflow-x:auto}
nav a{color:#fff;text-decoration:none;padding:12px 10px;display:flex;align-items:center;gap:6px;white-space:nowrap;border-bottom:3px solid transparent}
nav a[aria-current=page]{border-bottom-color:#fbbf24;font-weight:600}
header form{margin:0}
header button{background:transparent;color:#fff;border:1px solid #93c5fd;border-radius:6px;padding:5px 10px;display:flex;gap:4px;align-items:center;font:inherit;cursor:pointer}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:22px;margin:4px 0 16px}
h2{font-size:17px;margin:0 0 12px}
.card{background:#fff;border:1px solid #d1d5db;border-radius:10px;padding:16px;margin-bottom:16px}
.figures{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-bottom:16px}
.figure{background:#fff;border:1px solid #d1d5db;border-radius:10px;padding:12px 16px}
.figure b{display:flex;align-items:center;gap:6px;font-size:26px}
.figure span{color:#4b5563;font-size:13px}
.muted{color:#4b5563}
.icon{flex:none;vertical-align:-3px}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:8px 6px;border-bottom:1px solid #e5e7eb;vertical-align:top}
th{color:#374151;font-weight:600;font-size:13px;white-space:nowrap}
td.nowrap{white-space:nowrap}
.btn{display:inline-flex;align-items:center;gap:6px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;border-radius:6px;padding:7px 12px;font:inherit;font-size:14px;text-decoration:none;cursor:pointer}
.btn.plain{background:#fff;color:#1d4ed8}
.btn.danger{background:#fff;color:#b91c1c;border-color:#b91c1c}
.actions{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
label{display:block;font-weight:600;margin:10px 0 4px}
input[type=text],input[type=password],input[type=search],textarea,select{width:100%;font:inherit;padding:8px 10px;border:1px solid #6b7280;border-radius:6px;background:#fff;color:#1f2937}
textarea{min-height:120px}
.filters{display:grid;grid-template-columns:2fr 1fr auto auto auto;gap:8px;align-items:end}
.filters label{margin:0 0 4px;font-size:13px}
.check{display:flex;align-items:center;gap:6px;font-weight:400;white-space:nowrap;margin:0;padding:8px 0}
.entry{border-top:1px solid #e5e7eb;padding:12px 0}
.entry:first-child{border-top:0}
.meta{display:flex;gap:10px;flex-wrap:wrap;color:#4b5563;font-size:13px;align-items:center}
.q{font-weight:600;margin:4px 0}
.a{white-space:pre-wrap;margin:4px 0;background:#f9fafb;border-left:3px solid #93c5fd;padding:6px 10px}
.a.refused{border-left-color:#d97706}
.tag{display:inline-flex;align-items:center;gap:4px;border-radius:999px;padding:0 8px;font-size:12px;border:1px solid #9ca3af;color:#374151}
.tag.no{border-color:#b45309;color:#92400e;background:#fffbeb}
.tag.down{border-color:#b91c1c;color:#991b1b;background:#fef2f2}
.tag.up{border-color:#15803d;color:#166534;background:#f0fdf4}
.notice{border-radius:8px;padding:10px 12px;margin-bottom:16px;background:#eff6ff;border:1px solid #93c5fd}
.notice.error{background:#fef2f2;border-color:#fca5a5;color:#991b1b}
.login{max-width:380px;margin:12vh auto;padding:0 16px}
progress{width:100%;height:14px}
.hidden-file{position:absolute;width:1px;height:1px;opacity:0;overflow:hidden}
.hidden-file:focus-visible+label{outline:2px solid #1d4ed8;outline-offset:2px}
.chart{width:100%;height:auto;display:block}
.chart-narrow{display:none}
.legend{display:flex;gap:16px;font-size:13px;color:#374151;flex-wrap:wrap}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;vertical-align:-1px}
ol.top{margin:0;padding-left:22px}
ol.top li{margin:4px 0}
pre.chunk{white-space:pre-wrap;background:#f9fafb;border:1px solid #e5e7eb;border-radius:6px;padding:8px;margin:6px 0 12px;font:inherit}
@media (max-width:720px){
 .chart-wide{display:none}
 .chart-narrow{display:block}
 .figures{grid-template-columns:repeat(2,1fr)}
 .filters{grid-template-columns:1fr 1fr}
 .filters .wide,.filters>div,.filters .btn{grid-column:1/-1}
 .filters .btn{justify-content:center}
 .brand{flex:1}
 header form{order:2}
 nav{order:3;width:100%;margin:0 -8px}
 main{padding:12px}
 table.docs thead{display:none}
 table.docs tr{display:block;border-bottom:1px solid #e5e7eb;padding:6px 0}
 table.docs td{display:block;border:0;padding:2px 0}
 table.docs td[data-label]::before{content:attr(data-label) "：";color:#4b5563}
}
`;
