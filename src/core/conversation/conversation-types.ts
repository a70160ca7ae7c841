/** @module conversation-types: what the conversation log holds and how it is queried. */

/** Where a question came from: `widget` (it sends `X-Client: widget`), `http` (other /api calls), `openai` (/v1), `wechat`. */
export const CHANNELS = ['http', 'widget', 'openai', 'wechat'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RATINGS = ['up', 'down'] as const;
export type Rating = (typeof RATINGS)[number];

/** One answered (or refused) question, as logged. */
export interface ConversationEntry {
  /** The answer id the client was given. */
  id: string;
  /** Epoch milliseconds when the answer was ready. */
  time: number;
  /** `YYYY-MM-DD` of `time` in the configured time zone: what the daily figures group by. */
  day: string;
  channel: Channel;
  question: string;
  /** The question folded for grouping (simplified, half-width, lower-case, no punctuation or spaces). */
  questionKey: string;
  /** The standalone query that was searched (after follow-up rewriting). */
  query: string;
  answer: string;
  found: boolean;
  /** The cited documents, in citation order, each once. */
  sources: string[];
  latencyMs: number;
  /** A salted hash of the client (address or WeChat user), never the identifier itself. */
  client?: string;
  rating?: Rating;
  comment?: string;
}

export interface ConversationFilter {
  found?: boolean;
  rating?: Rating;
  channel?: Channel;
  /** Text that the question, the query or the answer contains. */
  text?: string;
}

export interface ConversationPage {
  /** Newest first. */
  items: ConversationEntry[];
  /** Passed back as `cursor` for the next page; null on the last one. */
  next: string | null;
}

/** Figures over the days `from`..`to` (inclusive, `YYYY-MM-DD`). */
export interface ConversationCounts {
  byDay: { day: string; questions: number; found: number }[];
  ratings: { up: number; down: number };
  /** Refused questions grouped by their folded text, most frequent first; `question` is the latest wording. */
  unanswered: { question: string; count: number }[];
}
