/**
 * @module cited-segments: a generated answer cut at its citation markers. Each stretch of text is backed by the
 * marker group that follows it ([1], [1][2], [1,2], 【1】); text after the last group is backed by none.
 */

export interface CitedSegment {
  text: string;
  /** The citation numbers of the marker group after the text; empty for text that no marker follows. */
  cites: number[];
}

/** A group of markers: brackets (ASCII, full width or 【】) holding numbers separated by commas, 、 or spaces. */
const GROUP = /(?:[[［【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]］】])+/g;

export function citedSegments(text: string): CitedSegment[] {
  const out: CitedSegment[] = [];
  let from = 0;
  for (const m of text.matchAll(GROUP)) {
    out.push({ text: text.slice(from, m.index), cites: [...m[0].matchAll(/\d+/g)].map((d) => Number(d[0])) });
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push({ text: text.slice(from), cites: [] });
  return out;
}

/** The answer with every marker group written as the channels expect: [1][2]. */
export function canonicalMarkers(text: string): string {
  return text.replace(GROUP, (group) => [...group.matchAll(/\d+/g)].map((d) => `[${Number(d[0])}]`).join(''));
}
