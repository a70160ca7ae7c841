/** @module join-pages: pages (or slides) joined into one text, remembering where each begins. */

/** The pages' texts joined by `separator`, and `[offset, number]` for each page that has text. */
export function joinPages(pages: { number: number; text: string }[], separator = '\n\n'): { text: string; pages: [number, number][] } {
  const starts: [number, number][] = [];
  let at = 0;
  pages.forEach((page, i) => {
    if (i > 0) at += separator.length;
    if (page.text.trim()) starts.push([at, page.number]);
    at += page.text.length;
  });
  return { text: pages.map((p) => p.text).join(separator), pages: starts };
}

/** The page a passage starting at `offset` is on, or undefined when the document has no pages. */
export function pageAt(pages: readonly [number, number][] | undefined, offset: number): number | undefined {
  if (!pages?.length) return undefined;
  let lo = 0;
  let hi = pages.length - 1;
  let found = pages[0][1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pages[mid][0] <= offset) {
      found = pages[mid][1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
