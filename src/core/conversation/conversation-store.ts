/**
 * @module conversation-store: the port for the durable conversation log (SQLite on Node). Asynchronous so that a
 * remote store (D1) fits the same shape.
 */
import type { ConversationCounts, ConversationEntry, ConversationFilter, ConversationPage, Rating } from './conversation-types.js';

export interface ConversationStore {
  /** Appends entries (one batch, written together). */
  append(entries: ConversationEntry[]): Promise<void>;
  /** Sets (or replaces) the rating of an answer; false when no answer has this id. */
  rate(id: string, rating: Rating, comment: string | undefined): Promise<boolean>;
  /** A page of entries matching the filter, newest first, after `cursor` (an opaque string from a previous page). */
  list(filter: ConversationFilter, limit: number, cursor?: string): Promise<ConversationPage>;
  counts(from: string, to: string, topUnanswered: number): Promise<ConversationCounts>;
  /** Deletes entries older than `before` (epoch ms); resolves to how many went. */
  purge(before: number): Promise<number>;
  close(): Promise<void>;
}
