/** @module metrics: the evaluation metrics of eval/SCORING.md, computed exactly as specified there. */
import * as OpenCC from 'opencc-js';
import type { Answer, SearchHit } from '../core/types.js';

export interface EvalItem {
  id: string;
  question: string;
  source?: string | null;
  evidence?: string;
  keys?: string[][];
  kind?: string;
  conversation?: string[];
  unanswerable?: boolean;
}

export interface ItemResult {
  id: string;
  question: string;
  kind?: string;
  hit1: boolean;
  hit5: boolean;
  searchHit1: boolean;
  searchHit5: boolean;
  correct: boolean;
  concise: boolean;
  grounded: boolean;
  refused?: boolean;
  latencyMs: number;
  answer: string;
  /** Characters of the answer without its `[n]` markers (0 when it refused). */
  answerLength: number;
  found: boolean;
  query: string;
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const PUNCT = /[\s,，、。;；:：!！?？“”"'‘’()（）《》【】<>[\]]/g;

export const normalise = (s: string) => toSimplified(s).replace(PUNCT, '');
const stripMarkers = (s: string) => s.replace(/\[\d+\]/g, '');

/** Whether a text holds an alternative of every key group (the `correct` rule). */
export function hasKeys(keys: string[][], text: string): boolean {
  const norm = normalise(stripMarkers(text));
  return keys.every((group) => group.some((alt) => norm.includes(normalise(alt))));
}

type Passage = Pick<SearchHit, 'source' | 'text'>;

export function scoreItem(item: EvalItem, answer: Answer, latencyMs: number, searchHits: Passage[] = []): ItemResult {
  const evidence = item.evidence ? normalise(item.evidence) : '';
  const matches = (c: Passage) => c.source === item.source && normalise(c.text).includes(evidence);
  const text = stripMarkers(answer.answer);
  const answerable = !item.unanswerable;
  const correct = answerable && answer.found !== false && hasKeys(item.keys ?? [], text);
  const numbers = text.match(/\d+(\.\d+)?/g) ?? [];
  const grounded = numbers.every((n) => answer.citations.some((c) => c.text.includes(n)));
  return {
    id: item.id,
    question: item.question,
    kind: item.kind,
    hit1: answerable && answer.citations.length > 0 && matches(answer.citations[0]),
    hit5: answerable && answer.citations.slice(0, 5).some(matches),
    searchHit1: answerable && searchHits.length > 0 && matches(searchHits[0]),
    searchHit5: answerable && searchHits.slice(0, 5).some(matches),
    correct,
    concise: correct && text.length <= 200,
    grounded,
    refused: item.unanswerable ? answer.found === false : undefined,
    latencyMs,
    answer: answer.answer,
    answerLength: answer.found === false ? 0 : text.length,
    found: answer.found,
    query: answer.query,
  };
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function summarise(results: ItemResult[]) {
  const answerable = results.filter((r) => r.refused === undefined);
  const unanswerable = results.filter((r) => r.refused !== undefined);
  const rate = (rs: ItemResult[], f: (r: ItemResult) => boolean | undefined) => (rs.length ? round(rs.filter((r) => f(r)).length / rs.length) : 1);
  const latencies = results.map((r) => r.latencyMs);
  const answered = results.filter((r) => r.found !== false).map((r) => r.answerLength);
  return {
    items: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    correct: rate(answerable, (r) => r.correct),
    refused: rate(unanswerable, (r) => r.refused),
    wrong: rate(answerable, (r) => r.found !== false && !r.correct),
    overall: results.length ? round((answerable.filter((r) => r.correct).length + unanswerable.filter((r) => r.refused).length) / results.length) : 1,
    concise: rate(answerable, (r) => r.concise),
    grounded: rate(results, (r) => r.grounded),
    hit1: rate(answerable, (r) => r.hit1),
    hit5: rate(answerable, (r) => r.hit5),
    search_hit1: rate(answerable, (r) => r.searchHit1),
    search_hit5: rate(answerable, (r) => r.searchHit5),
    median_answer_chars: percentile(answered, 50),
    latency_p50_ms: Math.round(percentile(latencies, 50) * 10) / 10,
    latency_p95_ms: Math.round(percentile(latencies, 95) * 10) / 10,
  };
}

export type EvalSummary = ReturnType<typeof summarise>;
