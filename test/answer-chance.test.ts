import { describe, expect, it } from 'vitest';
import { answerChance } from '../src/core/answer/select-answer.js';
import { answerProbability } from '../src/core/answer/answer-model.js';

const at = (source: string, start: number, end: number) => ({ source, start, end });

describe('the probability that the best window’s stretch of text answers', () => {
  it('counts the windows that overlap the best one, not those beside it or in another document', () => {
    // Softmax weights e^2, e^2, e^1, e^2 against a refusal of e^0.
    const scores = [2, 2, 1, 2];
    const placed = [at('a', 0, 40), at('a', 20, 60), at('a', 60, 90), at('b', 0, 40)];
    const { top, probability } = answerChance(scores, 0, placed);
    expect(top).toBe(0);
    const e = Math.exp;
    expect(probability).toBeCloseTo((e(2) + e(2)) / (3 * e(2) + e(1) + e(0)), 12);
    expect(probability).toBeLessThan(answerProbability(scores, 0));
  });

  it('is the whole answer probability when every window is one stretch, and 0 with no window', () => {
    const scores = [3, 1];
    expect(answerChance(scores, 0.5, [at('a', 0, 50), at('a', 10, 30)]).probability).toBeCloseTo(answerProbability(scores, 0.5), 12);
    expect(answerChance([], 0, [])).toEqual({ top: -1, probability: 0 });
  });

  it('falls when the model is torn between two sentences of a passage, though it is sure the passage answers', () => {
    const torn = answerChance([4, 4], -2, [at('a', 0, 30), at('a', 30, 60)]);
    const sure = answerChance([4, -2], -2, [at('a', 0, 30), at('a', 30, 60)]);
    expect(answerProbability([4, 4], -2)).toBeGreaterThan(0.99);
    expect(torn.probability).toBeLessThan(0.5);
    expect(sure.probability).toBeGreaterThan(0.95);
  });
});
