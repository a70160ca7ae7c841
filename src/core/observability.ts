/** @module observability: the logging and metrics ports the channels report to. */

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** What became of one attempt to have a chat model write an answer. */
export type LlmOutcome = 'used' | 'rejected' | 'timeout' | 'error';

export interface Metrics {
  /** One finished HTTP request. `route` is the matched route pattern, never the raw path. */
  request(route: string, method: string, status: number, seconds: number): void;
  /** Time spent in one answering stage. */
  stage(stage: string, ms: number): void;
  inflight(delta: 1 | -1): void;
  corpus(documents: number, chunks: number): void;
  /** One answer handed to the chat model: served (`used`), or the extractive answer served instead. */
  llmAnswer(outcome: LlmOutcome): void;
  /** One answer given, by channel (http, widget, openai, wechat) and whether the documents supported it. */
  answered(channel: string, found: boolean): void;
  /** A question answered with a curated answer (问答对, `matched`), or one whose curated answers could not be read (`error`). */
  curated(outcome: 'matched' | 'error'): void;
  /** One rating stored (up or down). */
  feedback(rating: string): void;
  /** The conversation log store failed at an operation (open, append, rate, purge, overflow); answers went out anyway. */
  logStoreError(operation: string): void;
  render(): Promise<{ contentType: string; body: string }>;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
