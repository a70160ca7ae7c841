/**
 * @module disk-full: ENOSPC for real. The server runs in its own user and mount namespace (`unshare`, no root needed
 * where unprivileged user namespaces are allowed) with the upload folder and the index each on a small tmpfs (the
 * corpus folder is never written); the run fills one of them through /proc/<pid>/root and uploads, replaces and deletes
 * documents.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { check, skipped, type Scenario } from './scenario.js';
import { admin, ask, described, errorCode, listDocuments, request, short, uploadText } from './http.js';
import { currentGeneration, documentState, leftovers, uploaded, type Probe } from './inspect.js';

const TMPFS_SIZE = '32m';
/** Moves each folder aside, mounts a tmpfs in its place and copies it back, then execs the server. */
const MOUNT = `set -e
for dir in "$UPLOAD_DIR" "$INDEX_DIR"; do
  mv "$dir" "$dir.disk" && mkdir "$dir" && mount -t tmpfs -o size=${TMPFS_SIZE} tmpfs "$dir" && cp -a "$dir.disk/." "$dir/"
done
exec "$@"`;
const WRAP = ['unshare', '--user', '--map-root-user', '--mount', 'sh', '-c', MOUNT, 'sh'];

/** Why a tmpfs cannot be mounted here, or undefined when it can. */
async function tmpfsUnavailable(scratch: string): Promise<string | undefined> {
  const dir = await mkdtemp(join(scratch, 'probe-'));
  const probe = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs "$0"', dir], { encoding: 'utf8', timeout: 10_000 });
  await rm(dir, { recursive: true, force: true });
  if (probe.error) return `unshare: ${probe.error.message}`;
  return probe.status === 0 ? undefined : `unshare/mount: ${short(probe.stderr || `exit ${probe.status}`)}`;
}

/** Fills the file system under `dir` to the last block; returns the filler's path. */
async function fill(dir: string): Promise<string> {
  const path = join(dir, '.chaos-filler');
  const handle = await open(path, 'w');
  try {
    for (const size of [1 << 20, 4096]) {
      const block = Buffer.alloc(size, 0x61);
      for (;;) {
        try {
          if ((await handle.write(block)).bytesWritten < size) break;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw e;
        }
      }
    }
  } finally {
    await handle.close();
  }
  return path;
}

const RED: Probe = { name: '红岩乡简报.md', question: '红岩乡今年计划新修多少公里水渠', expect: '18公里' };
const RED_TEXT = '# 红岩乡简报\n\n红岩乡今年计划新修水渠18公里。';
const WHITE: Probe = { name: '白云村简报.md', question: '白云村今年计划新建多少个温室大棚', expect: '36个' };
const WHITE_TEXT = '# 白云村简报\n\n白云村今年计划新建温室大棚36个。';

export const diskFull: Scenario = {
  name: 'disk-full',
  async *run(lab) {
    const why = await tmpfsUnavailable(lab.workspace);
    if (why) {
      yield skipped('ENOSPC on a small tmpfs', `no tmpfs can be mounted here (${why}); test/library-faults.test.ts covers it in process`);
      return;
    }
    const fixture = await lab.fixture('disk-full');
    const server = await lab.start(fixture, {}, { wrap: WRAP });
    // The server's view of its folders: the tmpfs mounts exist only in its namespace.
    const seen = (dir: string) => `/proc/${server.pid}/root${dir}`;
    const uploads = seen(fixture.uploads);
    const index = seen(fixture.index);
    const free = async (filler: string) => rm(filler, { force: true });
    /** Whether the generation CURRENT names (what a restart would load) holds the document, and whether CURRENT moved. */
    const persisted = async (probe: Probe, generation: string) => {
      const current = await currentGeneration(index);
      const documents = await readFile(join(index, current, 'documents.json'), 'utf8').catch(() => '');
      const holds = documents.includes(JSON.stringify(uploaded(probe)));
      return { holds, summary: `persisted index ${holds ? 'holds it' : 'without it'} (CURRENT ${current === generation ? 'unchanged' : 'switched'})` };
    };
    const untouched = async (probe: Probe, generation: string) => {
      const state = await documentState(server.url, uploads, probe);
      const left = await leftovers(index, { uploads });
      const saved = await persisted(probe, generation);
      const held = state.verdict === 'absent' && left.length === 0 && !saved.holds;
      return { held, detail: `${state.summary}; temporary files ${left.length ? left.join(', ') : 'none'}; ${saved.summary}` };
    };

    for (const [where, dir, probe, text] of [
      ['index', index, RED, RED_TEXT],
      ['upload folder', uploads, WHITE, WHITE_TEXT],
    ] as const) {
      const generation = await currentGeneration(index);
      const filler = await fill(dir);
      const reply = await uploadText(server.url, probe.name, text);
      const { code, problem } = errorCode(reply);
      yield check(`upload ${probe.name} with the ${where} tmpfs full`, reply.status === 507 && code === 'storage_full' && !problem, problem ?? described(reply));
      const after = await untouched(probe, generation);
      yield check(`state after the refused upload (${where} full)`, after.held, after.detail);
      await free(filler);
      const retry = await uploadText(server.url, probe.name, text);
      const answered = retry.status === 201 && (await ask(server.url, probe.question)).includes(probe.expect);
      yield check(`retry once the ${where} has room`, answered, `${retry.status === 201 ? '201 stored' : described(retry)}; answered ${answered ? 'yes' : 'no'}`);
    }

    // Replacing a document on a full disk keeps the one it would have replaced.
    {
      const filler = await fill(index);
      const reply = await uploadText(server.url, RED.name, RED_TEXT.replace('18公里', '25公里'));
      const answer = await ask(server.url, RED.question);
      const file = await readFile(join(uploads, RED.name), 'utf8').catch(() => '');
      await free(filler);
      yield check(
        `replace ${uploaded(RED)} (18 → 25公里) with the index tmpfs full`,
        reply.status === 507 && answer.includes('18公里') && !answer.includes('25公里') && file.includes('18公里'),
        `${described(reply)}; answer “${short(answer, 40)}”; file says ${file.includes('18公里') ? '18公里' : short(file, 40)}`,
      );
    }

    // Deleting on a full disk: either done (2xx, gone everywhere) or refused and nothing changed.
    {
      const { documents } = await listDocuments(server.url);
      const target = documents.find((d) => d.source === uploaded(WHITE))!;
      const generation = await currentGeneration(index);
      const filler = await fill(index);
      const reply = await request(`${server.url}/api/documents/${target.id}`, { method: 'DELETE', headers: admin });
      const state = await documentState(server.url, uploads, WHITE);
      const trashed = (await stat(join(uploads, '.trash')).catch(() => undefined)) !== undefined;
      await free(filler);
      const saved = await persisted(WHITE, generation);
      const done = reply.status === 200 && state.verdict === 'absent' && !saved.holds;
      const refused = reply.status === 507 && state.verdict === 'present' && saved.holds;
      yield check(
        `delete ${uploaded(WHITE)} with the index tmpfs full`,
        done || refused,
        `${reply.status === 200 ? '200' : described(reply)}; document ${state.summary}; moved to .trash ${trashed ? 'yes' : 'no'}; ${saved.summary}`,
      );
    }
    const exit = await server.stop();
    yield check('SIGTERM after the faults', exit.code === 0, `exit ${exit.code ?? exit.signal} after ${(exit.afterMs / 1000).toFixed(1)} s`);
  },
};
