/**
 * @module askers-script: an answer quoted from a traditional-character document is shown in simplified characters
 * to a question asked in simplified ones (or in characters both scripts share); a question written in traditional
 * characters gets the document's own text. Citations always keep the original.
 */
import { simplified } from './fold-text.js';

/** Whether the text has a character that is written differently in simplified Chinese (國, 縣, 說…). */
export const isTraditional = (text: string): boolean => simplified(text) !== text;

/** `answer` in the script the question was asked in. */
export function inAskersScript(question: string, answer: string): string {
  if (isTraditional(question) || !isTraditional(answer)) return answer;
  return simplified(answer);
}
