import { describe, expect, it } from 'vitest';
import { focusOf, namesSubject } from '../src/core/index/focus.js';

describe('focusOf', () => {
  const postings = (...tfs: number[]) => tfs.map((tf, key) => ({ key, tf }));

  it('names the document that holds most of a name’s occurrences, and the share it holds', () => {
    expect(focusOf('平陆', postings(0, 7, 0), 3)).toEqual({ key: 1, share: 1 });
    expect(focusOf('衡水', postings(1, 0, 15), 3)).toEqual({ key: 2, share: 15 / 16 });
    expect(focusOf('x区', postings(4, 0), 2)).toEqual({ key: 0, share: 1 });
  });

  it('finds no subject for a figure, a term seen once there, or in a corpus of one document', () => {
    expect(focusOf('2022', postings(3, 0, 0), 3)).toBeUndefined();
    expect(focusOf('平陆', postings(0, 1, 0), 3)).toBeUndefined();
    expect(focusOf('平陆', postings(5), 1)).toBeUndefined();
  });
});

describe('namesSubject', () => {
  it('takes a name of two characters or more for what a question may be about', () => {
    expect(namesSubject('平陆')).toBe(true);
    expect(namesSubject('衡水湖')).toBe(true);
    expect(namesSubject('x区')).toBe(true);
    expect(namesSubject('三扩大')).toBe(true);
  });

  it('takes no single character nor numerals, however they are spread over the documents', () => {
    // In a corpus of a few speeches, 四 (四基地四区) or 湖 may all be in one of them.
    expect(namesSubject('四')).toBe(false);
    expect(namesSubject('湖')).toBe(false);
    expect(namesSubject('二百')).toBe(false);
  });
});
