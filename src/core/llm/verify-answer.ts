/**
 * @module verify-answer: whether a generated answer may be shown. Every figure (number with its unit, dates
 * included) and every person or place name in it must occur in a passage that the marker after it points to, and
 * every marker must point at a citation; anything else rejects the whole answer.
 */
import type { NameFinder } from '../ports.js';
import type { Citation } from '../types.js';
import { foldText } from '../normalize/fold-text.js';
import { PLACE_SUFFIX } from '../normalize/place-suffix.js';
import { canonicalMarkers, citedSegments } from './cited-segments.js';
import { figuresIn, hasFigure, type Figure } from './figures.js';
import { sourceLine } from './build-prompt.js';

export type Verdict = { ok: true; answer: string } | { ok: false; reason: string };

/** 平陆县 is grounded by a passage that says 平陆: the suffix of a place is often left out. */
const namedIn = (folded: string, name: string) => {
  const base = name.replace(PLACE_SUFFIX, '');
  return folded.includes(name) || (base !== name && base.length >= 2 && folded.includes(base));
};

interface Source {
  folded: string;
  figures: Figure[];
}

export function verifyAnswer(text: string, citations: Citation[], finder: NameFinder): Verdict {
  const answer = text.trim();
  if (!answer) return { ok: false, reason: 'empty answer' };
  const segments = citedSegments(answer);
  if (!segments.some((s) => s.cites.length)) return { ok: false, reason: 'no citation marker' };
  const sources = new Map<number, Source>();
  for (const c of citations) {
    // The model sees each passage under its source line (title and date), so what it takes from there is grounded too.
    const folded = foldText(`${sourceLine(c)}\n${c.text}`);
    sources.set(c.n, { folded, figures: figuresIn(folded) });
  }
  for (const { text: part, cites } of segments) {
    const unknown = cites.find((n) => !sources.has(n));
    if (unknown !== undefined) return { ok: false, reason: `marker [${unknown}] points at no citation` };
    const backing = cites.map((n) => sources.get(n)!);
    const where = cites.length ? `is not in ${cites.map((n) => `[${n}]`).join('')}` : 'has no marker after it';
    const folded = foldText(part);
    for (const figure of figuresIn(folded)) {
      if (!backing.some((s) => hasFigure(s.figures, figure))) return { ok: false, reason: `figure ${figure.text} ${where}` };
    }
    for (const name of new Set(finder.names(folded))) {
      if (!backing.some((s) => namedIn(s.folded, name))) return { ok: false, reason: `name ${name} ${where}` };
    }
  }
  return { ok: true, answer: canonicalMarkers(answer) };
}
