import { describe, expect, it } from 'vitest';
import { writeFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { createPrometheusMetrics } from '../src/adapters/node/prometheus-metrics.js';
import { createAnswerLog } from '../src/core/conversation/answer-log.js';
import type { ConversationStore } from '../src/core/conversation/conversation-store.js';
import { createClientHasher } from '../src/core/conversation/client-hasher.js';
import { dayIn, shiftDay } from '../src/core/conversation/calendar-day.js';
import { questionKey } from '../src/core/conversation/question-key.js';
import { openSqliteDatabase } from '../src/adapters/node/sqlite-database.js';
import { createSqliteConversationStore } from '../src/adapters/node/sqlite-conversation-store.js';
import { loadClientSalt } from '../src/adapters/node/client-salt.js';
import { openConversationLog } from '../src/entries/node/conversation-log.js';
import { loadConfig } from '../src/config.js';
import type { Engine } from '../src/core/engine.js';
import type { Answer } from '../src/core/types.js';
import type { Logger } from '../src/core/observability.js';
import { tempDir } from './support/open-test-index.js';

const DAY = 86_400_000;
const answer = (found = true): Answer => ({
  answer: found ? '力争全年招商项目达到50个。[1]' : '没有找到依据。',
  found,
  query: '平陆招商目标是多少',
  citations: found ? [{ n: 1, source: '平陆.txt', title: '平陆', text: '力争全年招商项目达到50个。', start: 0, end: 14, score: 0.9 }] : [],
});

/** An engine that answers at once, so that only the log is under test. */
const engine = { validate: (q: string) => q.trim(), ask: async () => answer(), chat: async () => answer(), counts: async () => ({ documents: 1, chunks: 1 }) } as unknown as Engine;

function recordingLogger(): Logger & { errors: { obj: object; msg?: string }[] } {
  const errors: { obj: object; msg?: string }[] = [];
  return { info() {}, warn() {}, debug() {}, error: (obj, msg) => errors.push({ obj, msg }), errors };
}

/** A store double that records what it is asked; `fail` makes every call reject. */
function recordingStore(fail = false): ConversationStore & { calls: string[] } {
  const calls: string[] = [];
  const act = async <T>(name: string, value: T) => {
    calls.push(name);
    if (fail) throw new Error('disk I/O error');
    return value;
  };
  return {
    calls,
    append: () => act('append', undefined),
    rate: () => act('rate', true),
    list: () => act('list', { items: [], next: null }),
    counts: () => act('counts', { byDay: [], ratings: { up: 0, down: 0 }, unanswered: [] }),
    purge: () => act('purge', 0),
    close: () => act('close', undefined),
  };
}

async function sqliteStore() {
  const dir = await tempDir('zhida-log-');
  const file = join(dir, 'zhida.db');
  const db = openSqliteDatabase(file);
  return { dir, file, db, store: createSqliteConversationStore(db) };
}

const ask = (app: ReturnType<typeof createApp>, question = '平陆招商目标是多少') =>
  app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });

describe('write-behind', () => {
  it('answers before anything is written: record only queues, flush writes the batch in order', async () => {
    const store = recordingStore();
    // A delay no test run reaches: only the explicit flush writes.
    const log = createAnswerLog({ store, flushDelayMs: 3_600_000 });
    const app = createApp({ engine: () => engine, answers: log, http: { rateLimitPerMinute: 0 } });
    expect((await ask(app)).status).toBe(200);
    expect((await ask(app)).status).toBe(200);
    expect(store.calls).toEqual([]);
    await log.flush();
    expect(store.calls).toEqual(['append']);
    await log.flush();
    expect(store.calls).toEqual(['append']);
  });

  it('keeps answering when the store fails: the error is logged and counted in /metrics', async () => {
    const metrics = createPrometheusMetrics();
    const logger = recordingLogger();
    const { store, db } = await sqliteStore();
    const log = createAnswerLog({ store, metrics, logger });
    const app = createApp({ engine: () => engine, answers: log, metrics, http: { rateLimitPerMinute: 0 } });
    db.close(); // the database is gone from under the log
    const res = await ask(app);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: expect.any(String), found: true });
    await log.flush();
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0].obj).toMatchObject({ operation: 'append', lost: 1 });
    const body = await (await app.request('/metrics')).text();
    expect(body).toMatch(/zhida_log_store_errors_total\{operation="append"\} 1\b/);
    expect(body).toMatch(/zhida_answers_total\{channel="http",found="true"\} 1\b/);
    expect((await ask(app)).status).toBe(200);
  });

  it('answers feedback with 503 while the store fails, and never with a stack trace', async () => {
    const metrics = createPrometheusMetrics();
    const log = createAnswerLog({ store: recordingStore(true), metrics });
    const app = createApp({ engine: () => engine, answers: log, metrics, http: { rateLimitPerMinute: 0 } });
    const { id } = await (await ask(app)).json();
    const res = await app.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, rating: 'down' }) });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'log_unavailable', message: expect.any(String) } });
    expect((await metrics.render()).body).toMatch(/zhida_log_store_errors_total\{operation="rate"\} 1\b/);
  });

  it('drops the oldest entries past maxQueue and counts them, rather than growing without bound', async () => {
    const metrics = createPrometheusMetrics();
    const { store } = await sqliteStore();
    const log = createAnswerLog({ store, metrics, maxQueue: 2 });
    const ids = ['一', '二', '三'].map((q) => log.record({ channel: 'http', question: q, answer: answer(), latencyMs: 1 }));
    await log.flush();
    expect((await store.list({}, 10)).items.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    expect((await metrics.render()).body).toMatch(/zhida_log_store_errors_total\{operation="overflow"\} 1\b/);
  });

  it('serves answers without a log when DATA_DIR cannot be opened, and says so in /metrics', async () => {
    const dir = await tempDir('zhida-blocked-');
    await writeFile(join(dir, 'data'), 'a file where the data dir should be');
    const metrics = createPrometheusMetrics();
    const logger = recordingLogger();
    const log = await openConversationLog({ DATA_DIR: join(dir, 'data'), LOG_RETENTION_DAYS: 90, TIMEZONE: 'Asia/Shanghai' }, { logger, metrics });
    expect(log.keeps).toBe(false);
    const app = createApp({ engine: () => engine, answers: log, metrics, http: { rateLimitPerMinute: 0, adminToken: 't' } });
    const res = await ask(app);
    expect(res.status).toBe(200);
    const { id } = await res.json();
    expect(id).toEqual(expect.any(String));
    const feedback = await app.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, rating: 'up' }) });
    expect(feedback.status).toBe(404);
    expect((await app.request('/api/admin/conversations', { headers: { authorization: 'Bearer t' } })).status).toBe(404);
    expect(logger.errors[0].msg).toMatch(/DATA_DIR/);
    expect((await metrics.render()).body).toMatch(/zhida_log_store_errors_total\{operation="open"\} 1\b/);
  });
});

describe('SQLite store', () => {
  it('uses WAL mode and applies its migration once, also on reopening', async () => {
    const { db, file } = await sqliteStore();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = openSqliteDatabase(file);
    expect(again.prepare('SELECT name FROM migrations').pluck().all()).toEqual(['0002_conversations.sql', '0003_curated_answers.sql']);
    again.close();
  });

  it('deletes entries past the retention period and keeps the rest', async () => {
    const { store } = await sqliteStore();
    let now = Date.parse('2026-01-01T00:00:00Z');
    const log = createAnswerLog({ store, retentionDays: 90, now: () => now });
    const old = log.record({ channel: 'http', question: '旧问题', answer: answer(), latencyMs: 1 });
    now += 60 * DAY;
    const recent = log.record({ channel: 'http', question: '新问题', answer: answer(), latencyMs: 1 });
    now += 31 * DAY;
    await log.flush();
    expect(await log.purge()).toBe(1);
    expect((await store.list({}, 10)).items.map((e) => e.id)).toEqual([recent]);
    expect(old).not.toBe(recent);
  });

  it('groups days in the configured time zone', async () => {
    const { store } = await sqliteStore();
    const late = Date.parse('2026-03-01T17:30:00Z'); // 01:30 on 2 March in Shanghai
    const log = createAnswerLog({ store, timeZone: 'Asia/Shanghai', now: () => late });
    log.record({ channel: 'http', question: '问题', answer: answer(false), latencyMs: 1 });
    await log.flush();
    expect((await store.list({}, 1)).items[0].day).toBe('2026-03-02');
    expect(dayIn('UTC', late)).toBe('2026-03-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('client salt and hashes', () => {
  it('makes the salt once (private to the owner), keeps it, and refuses a damaged one', async () => {
    const dir = await tempDir('zhida-salt-');
    const path = join(dir, 'client-salt');
    const [a, b] = await Promise.all([loadClientSalt(path), loadClientSalt(path)]);
    expect(Buffer.from(a).toString('hex')).toBe(Buffer.from(b).toString('hex'));
    expect(Buffer.from(await loadClientSalt(path)).toString('hex')).toBe(Buffer.from(a).toString('hex'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readFile(path, 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(path, 'not a salt');
    await expect(loadClientSalt(path)).rejects.toThrow(/client-salt is not a client salt/);
  });

  it('hashes the same client the same way under one salt, differently under another', async () => {
    const one = createClientHasher(new Uint8Array(32).fill(1));
    const other = createClientHasher(new Uint8Array(32).fill(2));
    expect(await one('203.0.113.7')).toBe(await one('203.0.113.7'));
    expect(await one('203.0.113.7')).not.toBe(await one('203.0.113.8'));
    expect(await one('203.0.113.7')).not.toBe(await other('203.0.113.7'));
    expect(await one('203.0.113.7')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('settings and grouping', () => {
  it('defaults DATA_DIR, LOG_RETENTION_DAYS and TIMEZONE, and names a bad value', () => {
    expect(loadConfig({})).toMatchObject({ DATA_DIR: 'data', LOG_RETENTION_DAYS: 90, TIMEZONE: 'Asia/Shanghai' });
    expect(() => loadConfig({ LOG_RETENTION_DAYS: '0' })).toThrow(/LOG_RETENTION_DAYS/);
    expect(() => loadConfig({ TIMEZONE: 'Mars/Olympus' })).toThrow(/TIMEZONE/);
  });

  it('groups questions that differ in script, width, case and punctuation', () => {
    expect(questionKey('平陆招商目標是多少？')).toBe(questionKey('平陆招商目标是多少'));
    expect(questionKey('ＡＢＣ 改革，试点')).toBe(questionKey('abc改革试点'));
  });
});
