/**
 * @module lab: a temporary workspace with a small corpus and its index built once, fresh copies of both for each
 * scenario, and every server process started, so that all of it is gone when the run ends (Ctrl-C included).
 */
import type { ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer, type ServerProcess, type StartOptions } from './server-process.js';
import { ADMIN_TOKEN, ask } from './http.js';

/** Two of the seeds: a speech about 平陆 (the baseline question) and a county meeting report. */
const SEEDS = ['000_a5691ac9e0e183cd.txt', '001_583cfe85666f49d1.txt'];
/** Seeds left out of the corpus, used as filler text for long uploads. */
const FILLER_SEEDS = ['002_019269771721435d.txt', '004_ac523d24249772f7.txt'];

export const BASELINE = { question: '平陆招商目标是多少', expect: '50个' };

export interface Fixture {
  dir: string;
  corpus: string;
  index: string;
  /** UPLOAD_DIR: where uploads go, outside the corpus folder. */
  uploads: string;
}

export class Lab {
  private readonly children = new Set<ChildProcess>();
  private fixtures = 0;
  /** The baseline question's answer on the intact index. */
  baselineAnswer = '';
  /** Text of seeds that are not in the corpus. */
  filler = '';

  private constructor(readonly workspace: string) {}

  /** An empty workspace; `build` fills it. */
  static async open(): Promise<Lab> {
    return new Lab(await mkdtemp(join(tmpdir(), 'zhida-chaos-')));
  }

  /** Copies the seeds and builds their index once, and records the baseline answer. */
  async build(): Promise<void> {
    const template = this.template;
    await mkdir(template.corpus, { recursive: true });
    await mkdir(template.uploads, { recursive: true });
    for (const seed of SEEDS) await cp(join(ROOT, 'seeds', seed), join(template.corpus, seed), { preserveTimestamps: true });
    this.filler = (await Promise.all(FILLER_SEEDS.map((s) => readFile(join(ROOT, 'seeds', s), 'utf8')))).join('\n\n');
    // One build; every scenario starts from a copy of it and loads instead of building.
    const server = await this.start(template);
    this.baselineAnswer = await ask(server.url, BASELINE.question);
    await server.stop();
    if (!this.baselineAnswer.includes(BASELINE.expect)) {
      throw new Error(`the intact index answers ${BASELINE.question} with “${this.baselineAnswer}”, not ${BASELINE.expect}: nothing to compare against`);
    }
  }

  private get template(): Fixture {
    const dir = join(this.workspace, 'template');
    return { dir, corpus: join(dir, 'corpus'), index: join(dir, 'index'), uploads: join(dir, 'uploads') };
  }

  /** A fresh copy of the corpus and its built index (timestamps kept, so the server loads rather than re-reads). */
  async fixture(name: string): Promise<Fixture> {
    const dir = join(this.workspace, `${++this.fixtures}-${name}`);
    const fixture = { dir, corpus: join(dir, 'corpus'), index: join(dir, 'index'), uploads: join(dir, 'uploads') };
    await cp(this.template.corpus, fixture.corpus, { recursive: true, preserveTimestamps: true });
    await mkdir(fixture.uploads, { recursive: true });
    await cp(this.template.index, fixture.index, { recursive: true, preserveTimestamps: true });
    return fixture;
  }

  /** The real server on a fixture; documents management on, rate limit off unless `env` says otherwise. */
  start(fixture: Fixture, env: Record<string, string> = {}, options: Pick<StartOptions, 'wrap' | 'readyTimeoutMs'> = {}): Promise<ServerProcess> {
    return startServer(
      { corpus: fixture.corpus, index: fixture.index, uploads: fixture.uploads, env: { ADMIN_TOKEN, RATE_LIMIT_PER_MINUTE: '0', ...env }, ...options },
      (child) => {
        this.children.add(child);
        child.once('exit', () => this.children.delete(child));
      },
    );
  }

  /** Kills whatever a scenario left running. */
  async killAll(): Promise<void> {
    const exits = [...this.children].map((child) => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r))));
    for (const child of this.children) child.kill('SIGKILL');
    await Promise.all(exits);
  }

  async dispose(): Promise<void> {
    await this.killAll();
    await rm(this.workspace, { recursive: true, force: true });
  }

  /** For process exit and signals: no awaiting possible there. */
  disposeNow(): void {
    for (const child of this.children) child.kill('SIGKILL');
    rmSync(this.workspace, { recursive: true, force: true });
  }
}
