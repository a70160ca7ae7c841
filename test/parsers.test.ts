import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/adapters/node/parse-document.js';
import { decodeText } from '../src/adapters/node/decode-text.js';
import { makeDocx, makePdf } from './support/make-files.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseDocument', () => {
  it('reads UTF-8 text and drops a byte-order mark', async () => {
    const { text } = await parseDocument('a.txt', utf8('\uFEFF平陆招商目标'));
    expect(text).toBe('平陆招商目标');
  });

  it('reads GB18030 text files, common for Chinese documents', () => {
    const gbk = new Uint8Array([0xc6, 0xbd, 0xc2, 0xbd, 0xd5, 0xd0, 0xc9, 0xcc]); // 平陆招商
    expect(decodeText(gbk)).toBe('平陆招商');
  });

  it('takes a Markdown title from its first heading', async () => {
    const { text, title } = await parseDocument('a.md', utf8('# 政府工作报告\n\n今年目标是增长5%。'));
    expect(title).toBe('政府工作报告');
    expect(text).toContain('今年目标是增长5%。');
  });

  it('extracts HTML text without scripts, styles and navigation', async () => {
    const html = `<html><head><title>平陆讲话</title><style>p{color:red}</style></head><body>
      <nav>首页 | 理论频道</nav><script>var x = "不要";</script>
      <h1>以最优作风抓落实</h1><p>力争全年招商项目达到50个。</p><p>协议总投资达到200亿元以上。</p>
      <footer>版权所有</footer></body></html>`;
    const { text, title } = await parseDocument('a.html', utf8(html));
    expect(title).toBe('平陆讲话');
    expect(text).toContain('力争全年招商项目达到50个。');
    expect(text).toMatch(/50个。\s*\n\s*协议总投资/);
    for (const junk of ['不要', 'color:red', '首页', '版权所有']) expect(text).not.toContain(junk);
  });

  it('reads HTML padded with a megabyte of spaces before a line break (trailing spaces are not trimmed by a backtracking regex)', async () => {
    const { text } = await parseDocument('padded.html', utf8(`<p>力争全年招商项目达到50个。${' '.repeat(1024 * 1024)}\n</p><p>协议总投资达到200亿元以上。</p>`));
    expect(text).toBe('力争全年招商项目达到50个。\n\n协议总投资达到200亿元以上。');
  });

  it('extracts the text of a .docx', async () => {
    const bytes = await makeDocx('枣强县工作要点', ['全年力争谋划储备项目100个以上。', '新增高新技术企业5家。']);
    const { text } = await parseDocument('a.docx', bytes);
    expect(text).toContain('枣强县工作要点');
    expect(text).toContain('新增高新技术企业5家。');
  });

  it('extracts the text of a .pdf', async () => {
    const { text } = await parseDocument('a.pdf', makePdf(['Annual target: 50 projects', 'Investment: 20 billion']));
    expect(text).toContain('Annual target: 50 projects');
    expect(text).toContain('Investment: 20 billion');
  });

  it('reports a broken file as unreadable', async () => {
    await expect(parseDocument('bad.pdf', utf8('not a pdf at all'))).rejects.toMatchObject({ code: 'document_unreadable' });
    await expect(parseDocument('bad.docx', utf8('PK garbage'))).rejects.toMatchObject({ code: 'document_unreadable' });
  });

  it('refuses an unsupported format', async () => {
    await expect(parseDocument('a.exe', utf8('MZ'))).rejects.toMatchObject({ code: 'unsupported_format' });
  });
});
