/**
 * @module qualifying-regions: places a question names only to say where another one lies. An address runs from the
 * larger place to the smaller, so a place written right before one the documents know (甘肃 of 甘肃环县, 甘肃省 and
 * 庆阳市 of 甘肃省庆阳市环县) qualifies it: documents about 环县 need not name its province for the question to be theirs.
 */

/**
 * Of the `unknown` places (ones no document names), those written in `question` (folded) right before another of its
 * `places` that is known or itself such a region.
 */
export function qualifyingRegions(question: string, places: string[], unknown: string[]): Set<string> {
  const regions = new Set<string>();
  const qualifies = (p: string) => places.some((next) => next !== p && (!unknown.includes(next) || regions.has(next)) && question.includes(p + next));
  // From the smallest place back: 庆阳市 qualifies 环县 before 甘肃省 can qualify 庆阳市.
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of unknown) {
      if (regions.has(p) || !qualifies(p)) continue;
      regions.add(p);
      grew = true;
    }
  }
  return regions;
}
