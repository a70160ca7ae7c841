/**
 * @module other-years: an answer about other years than the one the question asks about (2023年…排第几 answered with
 * 2022年…综合排名第19位): it names years, and none of them is the question's. Decades (1980年代) are no years; an
 * answer that names no year at all is left to the model (a report's 今年 is its own year).
 */

const YEAR = /(?<!\d)((?:1[5-9]|20)\d\d)年(?!代)/g;
const yearsIn = (text: string) => [...text.matchAll(YEAR)].map((m) => m[1]);

/** `question` and `answer` folded. */
export function otherYearsOnly(question: string, answer: string): boolean {
  const asked = yearsIn(question);
  if (!asked.length) return false;
  const named = yearsIn(answer);
  return named.length > 0 && !asked.some((y) => named.includes(y));
}
