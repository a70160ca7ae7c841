/** @module metrics: the evaluation metrics of shared/eval/README.md, computed exactly as specified there. */
import * as OpenCC from 'opencc-js';
import type { Answer } from '../core/types.js';

export interface EvalItem {
  id: string;
  question: string;
  source: string | null;
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
  correct: boolean;
  concise: boolean;
  grounded: boolean;
  refused?: boolean;
  latencyMs: number;
  answer: string;
  found: boolean;
  query: string;
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const PUNCT = /[\s,，、。;；:：!！?？“”"'‘’()（）《》【】<>[\]]/g;

export const normalise = (s: string) => toSimplified(s).replace(PUNCT, '');
const stripMarkers = (s: string) => s.replace(/\[\d+\]/g, '');

export function scoreItem(item: EvalItem, answer: Answer, latencyMs: number): ItemResult {
  const evidence = item.evidence ? normalise(item.evidence) : '';
  const matches = (c: Answer['citations'][number]) => c.source === item.source && normalise(c.text).includes(evidence);
  const text = stripMarkers(answer.answer);
  const normAnswer = normalise(text);
  const correct = answer.found !== false && (item.keys ?? []).every((group) => group.some((alt) => normAnswer.includes(normalise(alt))));
  const numbers = text.match(/\d+(\.\d+)?/g) ?? [];
  const grounded = numbers.every((n) => answer.citations.some((c) => c.text.includes(n)));
  return {
    id: item.id,
    question: item.question,
    kind: item.kind,
    hit1: !item.unanswerable && answer.citations.length > 0 && matches(answer.citations[0]),
    hit5: !item.unanswerable && answer.citations.slice(0, 5).some(matches),
    correct: !item.unanswerable && correct,
    concise: !item.unanswerable && correct && text.length <= 200,
    grounded,
    refused: item.unanswerable ? answer.found === false : undefined,
    latencyMs,
    answer: answer.answer,
    found: answer.found,
    query: answer.query,
  };
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarise(results: ItemResult[]) {
  const answerable = results.filter((r) => r.refused === undefined);
  const unanswerable = results.filter((r) => r.refused !== undefined);
  const rate = (rs: ItemResult[], f: (r: ItemResult) => boolean | undefined) =>
    rs.length ? Math.round((rs.filter((r) => f(r)).length / rs.length) * 1000) / 1000 : 1;
  const latencies = results.map((r) => r.latencyMs);
  return {
    items: results.length,
    hit1: rate(answerable, (r) => r.hit1),
    hit5: rate(answerable, (r) => r.hit5),
    correct: rate(answerable, (r) => r.correct),
    concise: rate(answerable, (r) => r.concise),
    grounded: rate(results, (r) => r.grounded),
    refused: rate(unanswerable, (r) => r.refused),
    latency_p50_ms: Math.round(percentile(latencies, 50) * 10) / 10,
    latency_p95_ms: Math.round(percentile(latencies, 95) * 10) / 10,
  };
}

export type EvalSummary = ReturnType<typeof summarise>;
