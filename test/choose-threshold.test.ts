import { describe, expect, it } from 'vitest';
import { chooseThreshold, type Prediction } from '../src/train/cross-validate.js';
import type { AnswerExample } from '../src/train/answer-examples.js';

const item = (set: string, answerable: boolean, probability: number, correct = true): Prediction => ({
  example: { set, answerable } as AnswerExample,
  probability,
  correct,
  length: 20,
});
const many = (n: number, make: () => Prediction) => Array.from({ length: n }, make);

describe('chooseThreshold', () => {
  it('picks the threshold that handles the most questions right, each set counting alike', () => {
    // Set a: an unanswerable question at 0.42 is refused above it; an answerable one at 0.7 is lost above 0.7.
    const predictions = [
      ...many(8, () => item('a', true, 0.95)), item('a', true, 0.7), item('a', false, 0.42),
      ...many(20, () => item('b', true, 0.95)),
    ];
    expect(chooseThreshold(predictions)).toBe(0.7);
  });

  it('takes the highest of the thresholds that differ from the best by less than one question of the smallest set', () => {
    // One question of set b (20) weighs half of one of set a (10): answering it is not worth a lower threshold.
    const tied = [...many(10, () => item('a', true, 0.95)), ...many(19, () => item('b', true, 0.95)), item('b', true, 0.35)];
    expect(chooseThreshold(tied)).toBe(0.95);
    // One question of the smallest set is a real difference.
    const apart = [...many(9, () => item('a', true, 0.95)), item('a', true, 0.35), ...many(20, () => item('b', true, 0.95))];
    expect(chooseThreshold(apart)).toBe(0.35);
  });

  it('never answers below the threshold it chose: wrong answers count against it', () => {
    const predictions = [...many(10, () => item('a', true, 0.9)), ...many(3, () => item('a', false, 0.6)), ...many(5, () => item('a', true, 0.3, false))];
    expect(chooseThreshold(predictions)).toBe(0.9);
  });
});
