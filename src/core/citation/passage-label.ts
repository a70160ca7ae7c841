/** @module passage-label: where a cited passage is, as a Chinese reader looks for it: 2015年2月26日 · 第3页. */
import type { PassagePlace } from '../types.js';

/** The date and page of a passage, where known; empty when neither is. */
export function placeLabel({ date, page }: PassagePlace): string {
  const day = date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return [day ? `${day[1]}年${Number(day[2])}月${Number(day[3])}日` : '', page ? `第${page}页` : ''].filter(Boolean).join(' · ');
}

/** The title, then its date and page: 以最优作风最大担当最强干劲抓落实 · 2023年2月1日 · 第3页. */
export function passageLabel(passage: PassagePlace & { title: string }): string {
  return [passage.title, placeLabel(passage)].filter(Boolean).join(' · ');
}
