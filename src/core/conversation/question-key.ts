/** @module question-key: the folded form by which the log groups questions that differ only in script, width, case or punctuation. */
import { foldText } from '../normalize/fold-text.js';

export const questionKey = (question: string): string => foldText(question).replace(/[\s\p{P}\p{S}]/gu, '');
