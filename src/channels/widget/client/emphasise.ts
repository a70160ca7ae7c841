/**
 * @module emphasise: the key figures and names of an answer — quantities (50个, 200亿元, 60%), dates, and the name after
 * an office (县委书记王某某) — as pieces to show in bold; the text itself is unchanged.
 */

const UNIT = '(?:%|％|‰|个百分点|万亿元|亿元|万元|元|万亩|亩|平方公里|平方米|公里|千米|米|万吨|吨|万人|人次|人|户|座|所|家|项|个|件|台|辆|条|场|次|批|篇|倍|年|月|日|天|小时|岁|名|位|余|多)';
const NUMBER = '(?:\\d[\\d,，.]*|[一二两三四五六七八九十百千万亿〇零]+(?=' + UNIT + '))';
const QUANTITY = `${NUMBER}\\s*${UNIT}*`;
const OFFICE = '(?:书记|县长|市长|省长|区长|镇长|乡长|主任|局长|部长|主席|厅长|处长|董事长|总经理)';
/** A name of two or three characters right after an office, before what usually follows a name. */
const NAME = `(?<=${OFFICE})[\\u4e00-\\u9fa5]{2,3}(?=同志|出席|主持|在|强调|表示|指出|讲话|作|带领|[，、。；：\\s（(])`;
const KEY = new RegExp(`${NAME}|${QUANTITY}`, 'g');

export interface Piece {
  text: string;
  key: boolean;
}

export function emphasise(text: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(KEY)) {
    // A bare digit without a unit (a list number, 第1) is not a key figure.
    if (/^\d$/.test(m[0]) || !m[0].trim()) continue;
    if (m.index > at) out.push({ text: text.slice(at, m.index), key: false });
    out.push({ text: m[0], key: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), key: false });
  return out;
}
