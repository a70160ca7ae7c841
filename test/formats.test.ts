import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Hono } from 'hono';
import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import { parseDocument } from '../src/adapters/node/parse-document.js';
import { parseLimitsOf } from '../src/adapters/node/parse-limits.js';
import { formatNumber } from '../src/adapters/node/parse-xlsx.js';
import { tableLines } from '../src/adapters/node/parse-table-rows.js';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { declareSize, makeDocxWithTable, makeMappedPdf, makePptx, makeXlsx } from './support/make-office-files.js';
import { makeDocx } from './support/make-files.js';
import { openTestIndex, SEEDS, tempDir, type TestIndex } from './support/open-test-index.js';

const MB = 1024 * 1024;
const limits = (env: Record<string, string>) => parseLimitsOf(loadConfig(env));
const outcome = (parsing: Promise<unknown>) => parsing.then(() => 'read', (e: unknown) => e);
const textOf = async (name: string, bytes: Uint8Array) => (await parseDocument(name, bytes)).text;

/** GB18030 bytes, as Excel saves a Chinese CSV: the few characters these tests use. */
const GB18030: Record<string, number[]> = { 乡: [0xcf, 0xe7], 镇: [0xd5, 0xf2], 王: [0xcd, 0xf5], 个: [0xb8, 0xf6] };
const gb18030 = (text: string) => new Uint8Array([...text].flatMap((ch) => GB18030[ch] ?? [ch.charCodeAt(0)]));

/** The zip with `padding` spaces put at `marker` in `part`: 120 MB of them deflate to about 120 KB. */
function padPart(zip: Uint8Array, part: string, marker: string, padding: number): Uint8Array {
  const parts = unzipSync(zip);
  const xml = new TextDecoder().decode(parts[part]);
  const at = xml.indexOf(marker);
  parts[part] = Buffer.concat([Buffer.from(xml.slice(0, at)), Buffer.alloc(padding, 0x20), Buffer.from(xml.slice(at))]);
  return zipSync(parts);
}

const parks = () =>
  makeXlsx([
    {
      name: '公园建设',
      rows: [
        ['2024年衡水市各县公园建设情况'],
        ['市名', '县名', '新建公园', '绿地率', '完工日期', '投资（亿元）', '备注'],
        ['衡水市', '枣强', { v: '1.7E1', format: '0"座"' }, { v: '0.30000000000000004', format: 10 }, { v: '45366', format: 'yyyy"年"m"月"d"日"' }, 0.1 + 0.2, null],
        [null, '武邑', 12, null, { v: '45366', format: 14 }, { v: '1234567.5', format: 4 }, { inline: '含口袋\n公园' }],
        ['市名', '县名', '新建公园', '绿地率', '完工日期', '投资（亿元）', '备注'],
        [null, '景县', { formula: 'TEXT(8,"0")&"座"', result: '8座' }, null, null, null, { bool: true }],
      ],
      merges: ['A1:G1', 'A3:A6'],
    },
    { name: '底稿', rows: [['不应出现']], state: 'hidden' },
    { name: 'Sheet3', rows: [] },
  ]);

/** About 120 KB that inflates to 120 MB, built once: deflating it takes seconds. */
let xlsxBomb: Uint8Array;
beforeAll(() => {
  xlsxBomb = padPart(parks(), 'xl/worksheets/sheet1.xml', '<row r="2">', 120 * MB);
});

describe('xlsx', () => {
  it('gives each row its headers, the title and sheet name as lines, numbers as Excel shows them, merged cells filled', async () => {
    expect(await textOf('公园.xlsx', parks())).toBe(
      [
        '公园建设',
        '2024年衡水市各县公园建设情况',
        '市名：衡水市；县名：枣强；新建公园：17座；绿地率：30.00%；完工日期：2024年3月15日；投资（亿元）：0.3。',
        '市名：衡水市；县名：武邑；新建公园：12；完工日期：2024/3/15；投资（亿元）：1,234,567.50；备注：含口袋 公园。',
        '市名：衡水市；县名：景县；新建公园：8座；备注：TRUE。',
      ].join('\n'),
    );
  });

  it('leaves out phonetic guides, and dates a 1904 workbook from 1904', async () => {
    const book = makeXlsx([{ name: '表', rows: [['县名', '开工'], ['枣强', { v: '43904', format: 'yyyy-mm-dd' }]] }], { date1904: true, phonetic: true });
    expect(await textOf('a.xlsx', book)).toBe('表\n县名：枣强；开工：2024-03-15。');
  });

  it('shows numbers under General in full and without float noise', () => {
    expect(formatNumber('17', 'General')).toBe('17');
    expect(formatNumber('1.7E1', 'General')).toBe('17');
    expect(formatNumber('0.30000000000000004', 'General')).toBe('0.3');
    expect(formatNumber('911302000000000', 'General')).toBe('911302000000000');
    expect(formatNumber('0.1234', '0.0%')).toBe('12.3%');
    expect(formatNumber('45366', 'bad[[[')).toBe('45366');
  });

  it('refuses an xlsx zip bomb before inflating it, and a part that inflates past what its directory declares', async () => {
    expect(xlsxBomb.length).toBeLessThan(300 * 1024);
    expect(await outcome(parseDocument('bomb.xlsx', xlsxBomb))).toMatchObject({
      code: 'document_too_large',
      status: 413,
      message: expect.stringMatching(/^bomb\.xlsx: xl\/worksheets\/sheet1\.xml would inflate to \d{9} bytes, over PARSE_MAX_ENTRY_BYTES \(52428800\)\.$/),
    });
    const lying = declareSize(padPart(parks(), 'xl/worksheets/sheet1.xml', '<row r="2">', 2 * MB), 'xl/worksheets/sheet1.xml', 4096);
    expect(await outcome(parseDocument('lying.xlsx', lying))).toMatchObject({
      code: 'document_too_large',
      message: 'lying.xlsx: xl/worksheets/sheet1.xml inflates beyond the 4096 bytes its zip directory declares.',
    });
  });

  it('refuses a sheet whose rows repeat their headers past PARSE_MAX_UNCOMPRESSED_BYTES characters of text', async () => {
    // 100 headers of 40 characters over 1,000 rows of numbers: under 3 MB of parts, whose text would pass 4 million characters.
    const header = Array.from({ length: 100 }, (_, i) => `${'县'.repeat(38)}${String(i).padStart(2, '0')}`);
    const rows = [header, ...Array.from({ length: 1000 }, (_, r) => Array.from({ length: 100 }, (_, c) => (r + c) % 10))];
    const amplifier = makeXlsx([{ name: '表', rows }]);
    const parts = Object.values(unzipSync(amplifier)).reduce((sum, part) => sum + part.length, 0);
    const cap = 3 * MB;
    expect(parts).toBeLessThan(cap);
    expect(await outcome(parseDocument('wide.xlsx', amplifier, limits({ PARSE_MAX_UNCOMPRESSED_BYTES: String(cap) })))).toMatchObject({
      code: 'document_too_large',
      message: `wide.xlsx: its text runs past ${cap} characters, over PARSE_MAX_UNCOMPRESSED_BYTES (${cap}).`,
    });
  });

  it('gives up at PARSE_TIMEOUT_MS', async () => {
    const book = parks();
    // Each look at the clock finds a second gone, so the outcome does not depend on the machine's speed.
    let now = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    expect(await outcome(parseDocument('slow.xlsx', book, limits({ PARSE_TIMEOUT_MS: '3000' })))).toMatchObject({
      code: 'document_timeout',
      status: 422,
      message: 'slow.xlsx: reading took longer than PARSE_TIMEOUT_MS (3000 ms).',
    });
  });

  it('reports a file that is not a workbook as unreadable', async () => {
    expect(await outcome(parseDocument('bad.xlsx', strToU8('PK not a zip')))).toMatchObject({ code: 'document_unreadable' });
    const noWorkbook = zipSync({ 'a.txt': strToU8('hi') });
    expect(await outcome(parseDocument('empty.xlsx', noWorkbook))).toMatchObject({ code: 'document_unreadable', status: 422 });
  });
});

describe('csv', () => {
  it('reads UTF-8 with a byte-order mark, quoted commas, empty cells and a title line', async () => {
    const csv = '\uFEFF2024年各乡镇文化广场\n乡镇,新建文化广场,备注\n清凉店镇,9个,\n"王同岳镇,东区",3个,含"口袋"广场\n';
    expect(await textOf('广场.csv', strToU8(csv))).toBe(
      '2024年各乡镇文化广场\n乡镇：清凉店镇；新建文化广场：9个。\n乡镇：王同岳镇,东区；新建文化广场：3个；备注：含"口袋"广场。',
    );
  });

  it('reads GB18030, as Excel saves Chinese CSV, and tab-separated rows', async () => {
    expect(await textOf('a.csv', gb18030('乡镇,个\r\n王,9\r\n'))).toBe('乡镇：王；个：9。');
    expect(await textOf('b.csv', strToU8('乡镇\t新建文化广场\n清凉店镇\t9个\n'))).toBe('乡镇：清凉店镇；新建文化广场：9个。');
  });

  it('refuses a CSV whose header repeated in every row passes the text cap', async () => {
    // 1,000 headers of 40 characters over 200 rows of ones: 440 KB whose text would pass 8 million characters.
    const header = Array.from({ length: 1000 }, (_, i) => `${'县'.repeat(37)}${String(i).padStart(3, '0')}`).join(',');
    const csv = `${header}\n${`${'1,'.repeat(999)}1\n`.repeat(200)}`;
    expect(await outcome(parseDocument('a.csv', strToU8(csv), limits({ PARSE_MAX_UNCOMPRESSED_BYTES: String(MB) })))).toMatchObject({
      code: 'document_too_large',
      message: expect.stringMatching(/PARSE_MAX_UNCOMPRESSED_BYTES \(1048576\)/),
    });
  });
});

describe('pptx', () => {
  const deck = () =>
    makePptx([
      [
        { placeholder: 'ctrTitle', paragraphs: ['深州市2024年重点工作'] },
        { placeholder: 'subTitle', paragraphs: ['深州市人民政府'] },
        { placeholder: 'sldNum', paragraphs: ['1'] },
      ],
      [],
      [
        { placeholder: 'body', paragraphs: ['右栏：计划新建蜜桃冷库46座。'], at: { x: 6_000_000, y: 1_500_000 } },
        { placeholder: 'title', paragraphs: ['产业项目'] },
        { paragraphs: ['左栏：新建桃园1200亩。'], at: { x: 500_000, y: 1_500_000 } },
        { table: [['乡镇', '冷库'], ['王家井镇', '20座']], at: { x: 500_000, y: 4_000_000 } },
        { placeholder: 'ftr', paragraphs: ['深州市发改局'] },
      ],
    ]);

  it('gives each slide its number and title, then its text and table rows in reading order', async () => {
    expect(await textOf('深州.pptx', deck())).toBe(
      [
        '第1页：深州市2024年重点工作',
        '深州市人民政府',
        '',
        '第3页：产业项目',
        '左栏：新建桃园1200亩。',
        '右栏：计划新建蜜桃冷库46座。',
        '乡镇：王家井镇；冷库：20座。',
      ].join('\n'),
    );
  });

  it('refuses a pptx zip bomb before inflating it', async () => {
    const bomb = padPart(deck(), 'ppt/slides/slide1.xml', '<p:cSld>', 60 * MB);
    expect(await outcome(parseDocument('bomb.pptx', bomb))).toMatchObject({
      code: 'document_too_large',
      status: 413,
      message: expect.stringMatching(/^bomb\.pptx: ppt\/slides\/slide1\.xml would inflate to \d+ bytes, over PARSE_MAX_ENTRY_BYTES/),
    });
  });
});

describe('docx tables', () => {
  it('give each row its column headers, a cell merged down filling every row it spans, paragraphs around them kept', async () => {
    const docx = await makeDocxWithTable(
      '饶阳县设施农业统计',
      '全县新建大棚情况如下。',
      [
        ['乡镇', '村', '新建大棚'],
        ['王同岳镇', '东里满村', '380栋'],
        ['', '西里满村', '45栋'],
        ['大尹村镇', '南北岩村', ''],
      ],
      [2],
    );
    const text = await textOf('饶阳.docx', docx);
    expect(text.split(/\n+/)).toEqual([
      '饶阳县设施农业统计',
      '全县新建大棚情况如下。',
      '乡镇：王同岳镇；村：东里满村；新建大棚：380栋。',
      '乡镇：王同岳镇；村：西里满村；新建大棚：45栋。',
      '乡镇：大尹村镇；村：南北岩村。',
    ]);
  });
});

describe('docx notes', () => {
  it('keeps a footnote\'s text without its mark [1] or the ↑ link back', async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('数据来源：饶阳县农业农村局。')] } },
      sections: [{ children: [new Paragraph({ children: [new TextRun('全县新建大棚380栋。'), new FootnoteReferenceRun(1)] })] }],
    });
    const text = await textOf('注释.docx', new Uint8Array(await Packer.toBuffer(doc)));
    expect(text.split(/\n+/)).toEqual(['全县新建大棚380栋。', '数据来源：饶阳县农业农村局。']);
  });
});

describe('tableLines', () => {
  const rows = (...rs: (string | undefined)[][]) => rs.map((r) => new Map(r.flatMap((v, i) => (v ? [[i, v] as [number, string]] : []))));

  it('lets the first column name the row when the corner header is empty, and keeps a lone row as one line', () => {
    expect(tableLines(rows([undefined, '2023年', '2024年'], ['枣强', '15座', '17座']))).toEqual(['枣强；2023年：15座；2024年：17座。']);
    expect(tableLines(rows(['县名', '新建公园']))).toEqual(['县名；新建公园。']);
  });

  it('takes no headers from a first row too long to name columns (text laid out in a table)', () => {
    const paragraph = '全县今年新建日光温室大棚380栋，带动周边农户增收，形成了以王同岳镇为核心的设施蔬菜产业带。';
    expect(tableLines(rows([paragraph, '附图1'], ['二是抓项目。', '附图2']))).toEqual([`${paragraph}；附图1。`, '二是抓项目。；附图2。']);
  });
});

describe('PDF', () => {
  it('turns Kangxi radicals from a font map into the ideographs they stand for (⼀⼆ → 一二)', async () => {
    expect(await textOf('a.pdf', makeMappedPdf('⼀⼆人'))).toBe('一二人');
  });
});

describe('uploading each format through POST /api/documents', () => {
  const TOKEN = 'formats-token';
  const admin = (init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as object), authorization: `Bearer ${TOKEN}` } });
  const upload = (name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
    return app.request('/api/documents', admin({ method: 'POST', body: form }));
  };
  const ask = async (question: string) =>
    (await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).json();
  let corpus: string;
  let opened: TestIndex;
  let app: Hono;

  beforeAll(async () => {
    corpus = await tempDir('zhida-corpus-');
    await copyFile(join(SEEDS, '001_583cfe85666f49d1.txt'), join(corpus, '平陆讲话.txt'));
    opened = await openTestIndex(corpus);
    app = createApp({ engine: () => opened.engine, library: () => opened.library, http: { adminToken: TOKEN, rateLimitPerMinute: 0 } });
  });
  afterAll(() => opened?.close());

  it('answers a question about a fact found only in a document of each format, a spreadsheet row and a docx table among them', async () => {
    const utf16 = (text: string) => new Uint8Array([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    const files: [string, Uint8Array][] = [
      ['故城简报.txt', strToU8('故城县今年新建乡村图书室35个。')],
      ['景县简报.txt', utf16('景县今年改造老旧小区28个。')],
      ['冀州简报.md', strToU8('# 冀州区简报\n\n冀州区今年新增公交线路6条。')],
      ['安平简报.html', strToU8('<html><head><title>安平县简报</title></head><body><p>安平县今年新建丝网产业园2个。</p></body></html>')],
      ['武强要点.docx', await makeDocx('武强县工作要点', ['武强县今年新建乐器体验馆5座。'])],
      ['饶阳.docx', await makeDocxWithTable('饶阳县设施农业统计', '全县新建大棚情况如下。', [['乡镇', '新建大棚'], ['王同岳镇', '380栋'], ['大尹村镇', '65栋']])],
      // Drawn with a font that maps 水 and 厂 to the Kangxi radicals ⽔ and ⼚, as many PDF producers do.
      ['阜城简报.pdf', makeMappedPdf('阜城县今年新建污⽔处理⼚7座。')],
      ['口袋公园.xlsx', makeXlsx([{ name: '口袋公园', rows: [['县名', '新建口袋公园'], ['枣强县', { v: '23', format: '0"座"' }], ['武邑县', { v: '11', format: '0"座"' }]] }])],
      ['文化广场.csv', strToU8('乡镇,新建文化广场\n清凉店镇,9个\n护驾迟镇,4个\n')],
      ['深州.pptx', makePptx([[{ placeholder: 'title', paragraphs: ['深州市产业项目'] }, { placeholder: 'body', paragraphs: ['深州市计划新建蜜桃冷库46座。'] }]])],
    ];
    for (const [name, bytes] of files) expect((await upload(name, bytes)).status, name).toBe(201);
    // Into the upload folder, none into the corpus folder.
    expect(await readdir(opened.uploadDir)).toEqual(expect.arrayContaining(files.map(([name]) => name)));
    expect(await readdir(corpus)).toEqual(['平陆讲话.txt']);

    const titles: string[] = [];
    const questions: string[] = [];
    for (const [question, fact, source] of [
      ['故城县今年新建多少个乡村图书室', '35个', '故城简报.txt'],
      ['景县今年改造多少个老旧小区', '28个', '景县简报.txt'],
      ['冀州区今年新增几条公交线路', '6条', '冀州简报.md'],
      ['安平县今年新建几个丝网产业园', '2个', '安平简报.html'],
      ['武强县今年新建多少座乐器体验馆', '5座', '武强要点.docx'],
      ['王同岳镇新建大棚多少栋', '380栋', '饶阳.docx'],
      ['阜城县今年新建多少座污水处理厂', '7座', '阜城简报.pdf'],
      ['枣强县新建了多少座口袋公园', '23座', '口袋公园.xlsx'],
      ['清凉店镇新建文化广场几个', '9个', '文化广场.csv'],
      ['深州市计划新建多少座蜜桃冷库', '46座', '深州.pptx'],
    ]) {
      const answer = await ask(question);
      expect(answer.answer, question).toContain(fact);
      expect(answer.citations[0].source, question).toBe(`uploads/${source}`);
      titles.push(answer.citations[0].title);
      questions.push(question);
    }
    // Each cited with a title of its own words: the document's heading or properties, else its file name.
    expect(titles).toEqual(['故城简报', '景县简报', '冀州区简报', '安平县简报', '武强县工作要点', '饶阳县设施农业统计', '阜城简报', '口袋公园', '文化广场', '深州市产业项目']);
    // The PDF's radicals were unified when it was read: its passage is quoted in ordinary characters.
    expect((await ask('阜城县今年新建多少座污水处理厂')).citations[0].text).toContain('污水处理厂7座');

    // Deleted, each leaves the answers and waits in the upload folder's trash.
    const { documents } = await (await app.request('/api/documents', admin())).json();
    for (const [name] of files) {
      const record = documents.find((d: { source: string }) => d.source === `uploads/${name}`);
      expect((await app.request(`/api/documents/${record.id}`, admin({ method: 'DELETE' }))).status, name).toBe(200);
    }
    for (const question of questions) {
      const answer = await ask(question);
      expect(answer.citations.every((c: { source: string }) => !c.source.startsWith('uploads/')), question).toBe(true);
    }
    const trashed = await readdir(join(opened.uploadDir, '.trash'), { recursive: true });
    for (const [name] of files) expect(trashed.some((p) => p.endsWith(name)), name).toBe(true);
  });

  it('refuses an xlsx zip bomb with 413 and its reason, and writes nothing', async () => {
    const before = await readdir(opened.uploadDir);
    const res = await upload('bomb.xlsx', xlsxBomb);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/^uploads\/bomb\.xlsx: xl\/worksheets\/sheet1\.xml would inflate to \d+ bytes, over PARSE_MAX_ENTRY_BYTES/);
    expect(await readdir(opened.uploadDir)).toEqual(before);
    expect(await readdir(corpus)).toEqual(['平陆讲话.txt']);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
