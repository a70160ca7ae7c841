/** @module zip-bomb: hostile documents (zip bombs, a lying zip, too many parts, too many PDF pages) in the corpus folder and uploaded. */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { check, type Scenario } from './scenario.js';
import { declareSize, docx, manyPartsDocx, paddedDocx, pagedPdf } from './files.js';
import { BASELINE } from './lab.js';
import { rssDuring } from './server-process.js';
import { ask, described, errorCode, listDocuments, short, uploadFile } from './http.js';

const HIDDEN = ['青山镇今年计划新建桥梁7座。'];
const kb = (bytes: Uint8Array) => `${Math.round(bytes.length / 1024)} KB`;
/** Hostile uploads may raise the server's memory by this much at most: well under the 120 MB a bomb inflates to. */
const MEMORY_BOUND_MB = 60;

export const zipBomb: Scenario = {
  name: 'zip-bomb',
  async *run(lab) {
    const bomb = paddedDocx(HIDDEN, 120);
    const hostile = [
      { name: '炸弹.docx', bytes: bomb, what: `a ${kb(bomb)} .docx whose document.xml inflates to 120 MB`, setting: 'PARSE_MAX_ENTRY_BYTES' },
      {
        name: '谎报.docx',
        bytes: declareSize(bomb, 'word/document.xml', 4096),
        what: `the same bomb with its zip directory declaring 4 KB`,
        setting: 'inflates beyond the 4096 bytes',
      },
      { name: '压缩比.docx', bytes: paddedDocx(HIDDEN, 40), what: 'a .docx with a 40 MB part compressed about 1000 times', setting: 'PARSE_MAX_COMPRESSION_RATIO' },
      { name: '碎片.docx', bytes: manyPartsDocx(HIDDEN, 6000), what: 'a .docx of 6,003 parts', setting: 'PARSE_MAX_ENTRIES' },
      { name: '页数.pdf', bytes: pagedPdf(2001), what: 'a PDF of 2,001 pages', setting: 'PARSE_MAX_PDF_PAGES' },
    ];

    // The same files dropped into the corpus folder before the server starts.
    const fixture = await lab.fixture('zip-bomb');
    for (const h of hostile) await writeFile(join(fixture.corpus, h.name), h.bytes);
    const startedAt = performance.now();
    let server;
    try {
      server = await lab.start(fixture);
    } catch (e) {
      yield check('start with the five hostile files in CORPUS_DIR', false, (e as Error).message);
      return;
    }
    yield check('start with the five hostile files in CORPUS_DIR', true, `healthy after ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);

    const listing = await listDocuments(server.url);
    const reasons = hostile.map((h) => ({ h, failed: listing.failed.find((f) => f.source === h.name) }));
    const unlisted = reasons.filter(({ h, failed }) => !failed?.reason.includes(h.setting)).map(({ h }) => h.name);
    const indexed = listing.documents.filter((d) => hostile.some((h) => h.name === d.source)).map((d) => d.source);
    yield check(
      'GET /api/documents after that start',
      unlisted.length === 0 && indexed.length === 0,
      unlisted.length || indexed.length
        ? `not listed as failed with its limit: ${unlisted.join(', ') || 'none'}; indexed anyway: ${indexed.join(', ') || 'none'}`
        : `all five under "failed", e.g. “${reasons[0].failed!.reason}”`,
    );

    const answer = await ask(server.url, BASELINE.question);
    yield check(`ask ${BASELINE.question} with them in the folder`, answer.includes(BASELINE.expect), short(answer, 80) || 'found nothing');

    // Uploaded, one after another, while the server's resident memory is sampled.
    const stored = async () => [...(await readdir(fixture.corpus)), ...(await readdir(fixture.uploads)).map((n) => `uploads/${n}`)];
    const before = new Set(await stored());
    const { result: replies, beforeMb, peakMb } = await rssDuring(server.pid, async () => {
      const out = [];
      for (const h of hostile) out.push({ h, reply: await uploadFile(server.url, `上传${h.name}`, h.bytes) });
      return out;
    });
    for (const { h, reply } of replies) {
      const { code, problem } = errorCode(reply);
      const refused = reply.status === 413 && code === 'document_too_large' && reply.json.error.message.includes(h.setting);
      yield check(`upload ${h.what}`, refused && !problem, problem ?? described(reply));
    }
    const grown = peakMb !== undefined && beforeMb !== undefined ? peakMb - beforeMb : undefined;
    yield check(
      'server memory while the hostile uploads were refused',
      grown !== undefined && grown < MEMORY_BOUND_MB,
      grown === undefined ? 'could not read /proc/<pid>/status' : `RSS ${beforeMb!.toFixed(0)} MB, peak ${peakMb!.toFixed(0)} MB (+${grown.toFixed(0)} MB; bound +${MEMORY_BOUND_MB} MB)`,
    );
    const added = (await stored()).filter((n) => !before.has(n));
    yield check('the corpus and upload folders after the refused uploads', added.length === 0, added.length ? `files left: ${added.join(', ')}` : 'nothing stored');
    const hidden = await ask(server.url, '青山镇今年计划新建多少座桥梁');
    yield check('ask about the text inside the bombs', !hidden.includes('7座'), hidden ? `answered “${hidden.slice(0, 60)}” (not from a bomb)` : 'found nothing: no bomb was indexed');

    // An ordinary .docx still goes through, so the refusals above are the limits and not a broken parser.
    const ordinary = await uploadFile(server.url, '红岩乡简报.docx', docx(['红岩乡简报', '红岩乡今年计划新修水渠18公里。']));
    const reply = ordinary.status === 201 ? await ask(server.url, '红岩乡今年计划新修多少公里水渠') : '';
    yield check('upload an ordinary .docx, then ask about it', ordinary.status === 201 && reply.includes('18公里'), `${ordinary.status}; answer “${short(reply, 60)}”`);
  },
};
