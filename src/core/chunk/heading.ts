/** @module heading: recognises Chinese section headings (一、 （一） 第一， 1. 要点：) at the start of a line. */

const NUMBERED = /^\s*([一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|第[一二三四五六七八九十\d]{1,3}[，,、:：章节部分个是]|\d{1,2}\s*[、．]|[①-⑳]|要点\s*[:：])/;
const HEADING_MAX = 40;

/** The heading text if this line opens a section, else `undefined`. */
export function headingOf(line: string): string | undefined {
  const t = line.trim();
  if (NUMBERED.test(t)) {
    const first = t.split(/[。！？!?；;]/)[0];
    return first.length <= HEADING_MAX ? first : first.slice(0, HEADING_MAX);
  }
  // A short line with no sentence punctuation, e.g. 坚持目标导向,会谋事
  if (t.length <= 20 && !/[。！？!?；;:：]$/.test(t) && /[\u4e00-\u9fa5]/.test(t)) return t;
  return undefined;
}
