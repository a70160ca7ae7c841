/** @module answer-pieces: an answer's text in the order it reads, cut after punctuation, for streaming. */

/** Pieces that join back to `text`, each ending after a clause mark (，、；：。) or a citation marker. */
export function answerPieces(text: string): string[] {
  return text.match(/[^，,、；;：:。！？!?\[]+[，,、；;：:。！？!?]*|\[\d+\]|\[/g) ?? [text];
}
