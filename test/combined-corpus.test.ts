import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { combinedCorpus } from '../src/entries/node/eval-index.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

async function folders() {
  const base = await mkdtemp(join(tmpdir(), 'zhida-combined-'));
  made.push(base);
  const corpus = join(base, 'seeds');
  const extra = join(base, 'more');
  await mkdir(join(corpus, 'sub'), { recursive: true });
  await mkdir(extra);
  await writeFile(join(corpus, 'a.txt'), '平陆招商');
  await writeFile(join(corpus, 'sub', 'b.txt'), '枣强');
  await writeFile(join(extra, 'c.txt'), '衡水');
  return { corpus, extra, root: join(base, 'cache') };
}

describe('combinedCorpus', () => {
  it('holds the corpus as it is and each added folder under a subfolder of its own', async () => {
    const { corpus, extra, root } = await folders();
    const dir = await combinedCorpus(corpus, [extra], root);
    expect(await tree(dir)).toEqual(['a.txt', 'added-1/c.txt', 'sub/b.txt']);
    expect(await readFile(join(dir, 'added-1', 'c.txt'), 'utf8')).toBe('衡水');
    expect(await readdir(root)).toEqual([relative(root, dir)]);
  });

  it('follows the sources on the next call: a removed file goes, a new one comes, an unchanged link stays', async () => {
    const { corpus, extra, root } = await folders();
    const dir = await combinedCorpus(corpus, [extra], root);
    const before = await stat(join(dir, 'a.txt'));
    await rm(join(corpus, 'sub', 'b.txt'));
    await writeFile(join(extra, 'd.txt'), '环县');
    await combinedCorpus(corpus, [extra], root);
    expect(await tree(dir)).toEqual(['a.txt', 'added-1/c.txt', 'added-1/d.txt']);
    expect((await stat(join(dir, 'a.txt'))).ino).toBe(before.ino);
  });

  it('lets several runs refresh the folder at once', async () => {
    const { corpus, extra, root } = await folders();
    const dirs = await Promise.all(Array.from({ length: 4 }, () => combinedCorpus(corpus, [extra], root)));
    expect(new Set(dirs).size).toBe(1);
    expect(await tree(dirs[0])).toEqual(['a.txt', 'added-1/c.txt', 'sub/b.txt']);
  });
});
