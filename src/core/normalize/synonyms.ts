/** @module synonyms: policy-speech words that questions and documents use for the same idea (目标 ~ 力争). */

const GROUPS: Record<string, string[]> = {
  目标: ['力争', '确保', '达到', '冲刺', '突破', '任务'],
  依靠: ['发挥', '依托', '借助', '通过', '用好', '运用'],
  参会: ['参加', '出席', '参会', '与会'],
  召开: ['举行', '召开', '开幕'],
  实施: ['推进', '实施', '开展', '建设'],
  要求: ['要', '必须', '务必'],
  打造: ['建设', '打造', '建成'],
  满足: ['满足', '解决'],
  定位: ['定位', '打造成', '建成'],
  学习: ['学', '学习', '对标'],
  损失: ['损失', '损毁'],
};

/** Words a document may use instead of `term`. */
export function synonymsOf(term: string): string[] {
  return GROUPS[term] ?? [];
}
