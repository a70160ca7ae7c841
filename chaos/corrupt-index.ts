/** @module corrupt-index: index files damaged while the server is stopped (bytes flipped in place, a file cut short, a manifest that disagrees). */
import { open, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { check, type Scenario } from './scenario.js';
import { BASELINE } from './lab.js';
import { ask, short } from './http.js';
import { currentGeneration } from './inspect.js';

/** XORs 16 bytes in the middle of a file: same size, same modification-time granularity, different content. */
async function flipBytes(path: string): Promise<string> {
  const { size } = await stat(path);
  const at = Math.max(0, Math.floor(size / 2) - 8);
  const handle = await open(path, 'r+');
  try {
    const block = Buffer.alloc(Math.min(16, size));
    await handle.read(block, 0, block.length, at);
    for (let i = 0; i < block.length; i++) block[i] ^= 0xff;
    await handle.write(block, 0, block.length, at);
  } finally {
    await handle.close();
  }
  return `${Math.min(16, size)} bytes flipped at byte ${at} of ${size}`;
}

async function cutShort(path: string): Promise<string> {
  const { size } = await stat(path);
  await truncate(path, Math.floor(size / 2));
  return `cut from ${size} to ${Math.floor(size / 2)} bytes`;
}

/** Changes one hex digit of a file's checksum in the manifest (the manifest stays valid JSON). */
async function wrongChecksum(path: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path, 'utf8'));
  const entry = manifest.files['chunks.bin'];
  const before = String(entry.crc32);
  entry.crc32 = (before[0] === '0' ? '1' : '0') + before.slice(1);
  await writeFile(path, JSON.stringify(manifest, null, 2));
  return `chunks.bin's CRC-32 changed from ${before} to ${entry.crc32}`;
}

/** Each damage, and the file the refusal must name (a wrong checksum in the manifest is found as chunks.bin's). */
const DAMAGE: { file: string; how: (path: string) => Promise<string>; named?: string }[] = [
  { file: 'chunks.bin', how: flipBytes },
  { file: 'chunk-bm25.bin', how: flipBytes },
  { file: 'document-bm25.bin', how: flipBytes },
  { file: 'vectors.hnsw', how: flipBytes },
  { file: 'vectors.graph', how: flipBytes },
  { file: 'documents.json', how: flipBytes },
  { file: 'chunks.bin', how: cutShort },
  { file: 'manifest.json', how: wrongChecksum, named: 'chunks.bin' },
];

export const corruptIndex: Scenario = {
  name: 'corrupt-index',
  async *run(lab) {
    for (const { file, how, named = file } of DAMAGE) {
      const fixture = await lab.fixture(`corrupt-${file}`);
      const damaged = await currentGeneration(fixture.index);
      const what = await how(join(fixture.index, damaged, file));
      const tried = `start on an index with ${file} damaged: ${what}`;
      let server;
      try {
        server = await lab.start(fixture);
      } catch (e) {
        yield check(tried, false, short((e as Error).message, 300));
        continue;
      }
      const refusal = server.logs().find((l) => l.msg === 'persisted index refused; rebuilding');
      const reason = String(refusal?.reason ?? '');
      const answer = await ask(server.url, BASELINE.question);
      const current = await currentGeneration(fixture.index);
      const oldGone = !(await stat(join(fixture.index, damaged)).catch(() => undefined));
      await server.stop();
      const problems = [
        ...(reason.includes(named) ? [] : [refusal ? `refused for another reason: ${reason}` : 'not refused: served from the damaged files']),
        ...(answer === lab.baselineAnswer ? [] : [`answer differs from the intact index's: “${short(answer, 60)}”`]),
        ...(current !== damaged && oldGone ? [] : ['the damaged generation is still there']),
      ];
      yield check(tried, problems.length === 0, problems.length ? problems.join('; ') : `refused (“${reason}”), rebuilt as ${current}, same answer as before`);
    }
  },
};
