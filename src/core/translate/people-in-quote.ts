/**
 * @module people-in-quote: the people a quoted answer names after their title (县委书记刘新营, 市长杨慧主持) or as
 * the speaker its first words name (李谦强调……), for a who-question's answer said in English first.
 */
import { ROLES } from '../answer/analyze-question.js';
import { leadingSpeaker } from '../answer/speaker.js';
import { SURNAMES } from '../normalize/surnames.js';

/**
 * Names of two or three characters after an official title. A name has three characters when its given name is a word
 * the corpus knows (新营, 赤峰), it ends a byline (政府县长 翟纪亭) or the next name follows (记者刘金桥、李国涛); else it has
 * two and a verb follows (李谦出席; a comma after three characters is read so too: 杨慧说,).
 */
export function peopleInQuote(quote: string, known: (term: string) => boolean): string[] {
  const out: string[] = [];
  for (const m of quote.matchAll(new RegExp(ROLES.source, 'g'))) {
    const after = quote.slice(m.index + m[0].length).replace(/^(?:是|为|\s)/, '');
    const chars = after.match(/^[\u4e00-\u9fff]{2,3}/)?.[0];
    if (!chars || !SURNAMES.includes(chars[0])) continue;
    // A byline's name is followed by nothing, a space, a closing bracket or the next name (“政府县长 翟纪亭” and then “)”,
    // 记者刘金桥、李国涛); a name before a comma may be two characters and a verb (市长杨慧说,).
    const ends = /^(?:$|[\s)）\]】、])/.test(after.slice(3));
    const name = chars.length === 3 && (known(chars.slice(1)) || ends) ? chars : chars.slice(0, 2);
    if (!out.includes(name)) out.push(name);
  }
  // And the speaker its first words name (李谦强调……, as a who-question's answer starts with its speaker).
  const speaker = leadingSpeaker(quote);
  if (speaker && !out.includes(speaker)) out.push(speaker);
  return out;
}
