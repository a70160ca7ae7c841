/** @module answer-pieces: an answer's text in the order it reads, cut after punctuation, for streaming. */

const MARK = '，,、；;：:。！？!?';
const PIECE = new RegExp(`[^${MARK}\\[]+[${MARK}]*|\\[\\d+\\][${MARK}]*|[${MARK}]+|\\[`, 'g');

/**
 * Pieces that join back to `text`, each ending after a clause mark (，、；：。) or a citation marker; a mark right after
 * a marker (以上[1]，当年…) stays with the marker.
 */
export function answerPieces(text: string): string[] {
  return text.match(PIECE) ?? [text];
}
