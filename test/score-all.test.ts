import { describe, expect, it } from 'vitest';
import bundled from '../src/core/answer/answer-model.json' with { type: 'json' };
import { checkAnswerModel, refusalScore, scoreAll, treeInput, treeScore, windowScore, type AnswerModel } from '../src/core/answer/answer-model.js';
import { QUESTION_FEATURES, WINDOW_FEATURES } from '../src/core/answer/window-features.js';

const width = WINDOW_FEATURES.length;

/** Deterministic numbers in [-1, 1) (a linear congruential generator), a share of them 0 like a window's features. */
function numbers(count: number, seed: number, zeros = 0): Float32Array {
  const out = new Float32Array(count);
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const u = s / 2147483648;
    out[i] = u < zeros ? 0 : 2 * ((s >>> 8) / 8388608) - 1;
  }
  return out;
}

/** Each window scored on its own, as the model was before all windows went into one array. */
function scoredOneByOne(model: AnswerModel, windows: Float32Array[], question: Float32Array) {
  const tree = (x: Float32Array) => (model.trees.length ? treeScore(model.trees, x) : 0);
  return {
    scores: windows.map((w) => windowScore(model, w) + tree(treeInput(w, question, width))),
    refusal: refusalScore(model, question) + tree(treeInput(undefined, question, width)),
  };
}

describe('scoring all the windows of a question from one array', () => {
  const windows = Array.from({ length: 7 }, (_, i) => numbers(width, 17 + i, 0.6));
  const flat = new Float32Array(windows.length * width);
  windows.forEach((w, i) => flat.set(w, i * width));
  const question = numbers(QUESTION_FEATURES.length, 5);

  it('gives each window and the refusal exactly the scores they get one by one (the shipped model, trees and all)', () => {
    const model = checkAnswerModel(bundled as AnswerModel);
    expect(model.trees.length).toBeGreaterThan(0);
    const { scores, refusal } = scoreAll(model, flat, question);
    const expected = scoredOneByOne(model, windows, question);
    expect([...scores]).toEqual(expected.scores);
    expect(refusal).toBe(expected.refusal);
  });

  it('reads each window at its own place: a window moved in the array moves its score', () => {
    const model = checkAnswerModel(bundled as AnswerModel);
    const swapped = new Float32Array(flat);
    swapped.set(windows[1], 0);
    swapped.set(windows[0], width);
    const a = scoreAll(model, flat, question).scores;
    const b = scoreAll(model, swapped, question).scores;
    expect(a[0]).not.toBe(a[1]);
    expect([b[0], b[1], ...b.slice(2)]).toEqual([a[1], a[0], ...a.slice(2)]);
  });

  it('skips zero features without changing a score: the same sum as every weight times every feature', () => {
    const model = checkAnswerModel(bundled as AnswerModel);
    const w = windows[3];
    let full = model.windowBias;
    for (let i = 0; i < width; i++) full += model.window[i] * w[i];
    expect(windowScore(model, flat, 3 * width)).toBe(full);
  });
});
