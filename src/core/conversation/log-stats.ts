/** @module log-stats: the figures of the admin API's stats, over the last `days` calendar days in the log's time zone. */
import type { AnswerLog } from './answer-log.js';
import { dayIn, shiftDay } from './calendar-day.js';

export interface LogStats {
  questions: number;
  found: number;
  /** `found / questions`, 0 when nothing was asked. */
  found_rate: number;
  ratings: { up: number; down: number };
  by_day: { date: string; questions: number; found: number }[];
  top_unanswered: { question: string; count: number }[];
}

const TOP_UNANSWERED = 20;

/** Every day of the period is listed, with zeros for days without questions, oldest first. */
export async function logStats(log: AnswerLog, days: number, now = Date.now()): Promise<LogStats> {
  const to = dayIn(log.timeZone, now);
  const from = shiftDay(to, -(days - 1));
  const counts = log.store ? await log.store.counts(from, to, TOP_UNANSWERED) : { byDay: [], ratings: { up: 0, down: 0 }, unanswered: [] };
  const perDay = new Map(counts.byDay.map((d) => [d.day, d]));
  const byDay = Array.from({ length: days }, (_, i) => {
    const date = shiftDay(from, i);
    const d = perDay.get(date);
    return { date, questions: d?.questions ?? 0, found: d?.found ?? 0 };
  });
  const questions = byDay.reduce((n, d) => n + d.questions, 0);
  const found = byDay.reduce((n, d) => n + d.found, 0);
  return {
    questions,
    found,
    found_rate: questions ? Math.round((found / questions) * 10_000) / 10_000 : 0,
    ratings: counts.ratings,
    by_day: byDay,
    top_unanswered: counts.unanswered,
  };
}
