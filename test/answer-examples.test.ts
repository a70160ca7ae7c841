import { describe, expect, it } from 'vitest';
import { collectExamples } from '../src/train/answer-examples.js';
import type { Engine } from '../src/core/engine.js';
import type { ScoredWindow } from '../src/core/answer/select-answer.js';

/** A window of document `source`, as the engine's explain mode gives it. */
const window = (text: string, source: string, otherYear: boolean, id: number): ScoredWindow =>
  ({
    window: { passage: { candidate: { chunk: { id, source } } }, sentence: 0 },
    span: { start: 0, end: text.length },
    text,
    features: Float32Array.of(id, 1),
    score: 0,
    otherYear,
  }) as unknown as ScoredWindow;

/** An engine whose inspect gives these windows for every question, and records what it was asked. */
function engineGiving(windows: ScoredWindow[]) {
  const asked: { question: string; history?: string[] }[] = [];
  const engine = {
    inspect: async (question: string, options: { history?: string[] } = {}) => {
      asked.push({ question, history: options.history });
      return { query: `${question}?`, missingPlaces: [], missingTitles: [], decision: { windows, question: Float32Array.of(0.5) } };
    },
  } as unknown as Engine;
  return { engine, asked };
}

describe('collectExamples', () => {
  const windows = [window('确保年内新增企业5家', 'a.txt', true, 7), window('2023年新增企业8家', 'b.txt', false, 9)];

  it('keeps each window’s features, whether it holds the keys, its year verdict and where it is from', async () => {
    const { engine } = engineGiving(windows);
    const [e] = await collectExamples(engine, 'seeds', [{ id: 'q1', question: '2023年新增多少家企业', source: 'b.txt', keys: [['8家']] }], () => 'g');
    expect(e.windows).toBe(2);
    expect(e.width).toBe(2);
    expect([...e.features]).toEqual([7, 1, 9, 1]);
    expect([...e.correct]).toEqual([0, 1]);
    // The engine refuses a window about its report's own year when another is asked: cross-validation must know it.
    expect([...e.otherYear]).toEqual([1, 0]);
    expect([...e.fromSource]).toEqual([0, 1]);
    expect([...e.chunks]).toEqual([7, 9]);
    expect(e.query).toBe('2023年新增多少家企业?');
    expect(e.answerable).toBe(true);
    expect(e.refusedByRule).toBe(false);
  });

  it('marks no window correct for a question to refuse, and asks a conversation’s last turn after the others', async () => {
    const { engine, asked } = engineGiving(windows);
    const [e] = await collectExamples(engine, 'seeds', [{ id: 'q2', question: '2024年呢', conversation: ['2023年新增多少家企业', '2024年呢'], unanswerable: true, keys: [['8家']] }], () => 'g');
    expect([...e.correct]).toEqual([0, 0]);
    expect(e.answerable).toBe(false);
    expect(asked).toEqual([{ question: '2024年呢', history: ['2023年新增多少家企业'] }]);
  });
});
