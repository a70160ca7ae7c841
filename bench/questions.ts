/** Questions for benchmarks: the dev set (eval/seeds), plus generated variants so the load is not one repeated query. */
import { existsSync, readFileSync } from 'node:fs';

const PLACES = ['平陆', '枣强', '环县', '衡水', 'X区', '枣强县', '衡水市'];
const TOPICS = ['招商目标', '重点项目', '高新技术企业', '改革试点', '县委书记', '生产总值', '贡献率', '重大项目', '民生工程', '美丽乡村', '产业园区', '干部作风'];
const ASKS = ['是多少', '有哪些', '是谁', '是什么', '怎么样'];

export function devItems(path = 'eval/seeds/dev.jsonl'): { question: string; conversation?: string[] }[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

export function loadQuestions(): string[] {
  const generated: string[] = [];
  for (const p of PLACES) for (const t of TOPICS) for (const a of ASKS) generated.push(`${p}${t}${a}`);
  return [...devItems().map((d) => d.question), ...generated];
}
