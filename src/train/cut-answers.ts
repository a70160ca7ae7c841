/**
 * @module cut-answers: on-topic questions the corpus does not answer, made from answerable ones. From each document,
 * the sentences that hold one of its questions' answers are cut; every question of that document whose answer is then
 * nowhere in the corpus becomes a question to refuse, about a document that still speaks of its subject. The public
 * sets' own unanswerable questions are about passages left out whole, which retrieval alone tells apart; these teach
 * the answer model the harder refusal that the seed documents need (平陆的县委书记叫什么名字 of a speech that names a 县长).
 */
import { normalise, type EvalItem } from '../eval/metrics.js';
import { fnv1a } from './fnv1a.js';
import { splitSentences } from '../core/chunk/split-sentences.js';

export interface CorpusFile {
  name: string;
  text: string;
}

export interface CutSet {
  /** The corpus with the cut documents changed; the other files as they were. */
  files: CorpusFile[];
  /** The questions whose answers were cut, now unanswerable (`cut:` before their ids). */
  items: EvalItem[];
}

/**
 * Cuts one question's answer from each document that has answerable questions (the question chosen by a hash of the
 * document's name). A document keeps its first line (its title); a cut that would take half of the rest or more is
 * not made. A question is kept only when no document of the corpus still holds its answer.
 */
export function cutAnswers(files: CorpusFile[], items: EvalItem[]): CutSet {
  const bySource = new Map<string, EvalItem[]>();
  for (const item of items) {
    if (item.unanswerable || !item.source || !item.keys?.length || item.conversation?.length) continue;
    const list = bySource.get(item.source) ?? [];
    list.push(item);
    bySource.set(item.source, list);
  }
  const changed = new Map<string, string>();
  for (const file of files) {
    const asked = bySource.get(file.name);
    if (!asked?.length) continue;
    const chosen = [...asked].sort((a, b) => (a.id < b.id ? -1 : 1))[fnv1a(file.name) % asked.length];
    const lineEnd = file.text.indexOf('\n');
    const head = lineEnd < 0 ? '' : file.text.slice(0, lineEnd + 1);
    const body = file.text.slice(head.length);
    const answers = chosen.keys!.flat().map(normalise).filter(Boolean);
    // The sentences that hold an answer are taken out; what lies between sentences (spaces, line breaks) stays.
    let kept = '';
    let from = 0;
    for (const { start, end } of splitSentences(body)) {
      const sentence = normalise(body.slice(start, end));
      if (!answers.some((a) => sentence.includes(a))) continue;
      kept += body.slice(from, start);
      from = end;
    }
    kept += body.slice(from);
    const cut = body.length - kept.length;
    if (cut === 0 || cut * 2 >= body.length) continue;
    changed.set(file.name, head + kept);
  }
  const out = files.map((f) => ({ name: f.name, text: changed.get(f.name) ?? f.text }));
  const searched = out.map((f) => normalise(f.text));
  const held = (keys: string[][]) => {
    const groups = keys.map((group) => group.map(normalise));
    return searched.some((t) => groups.every((group) => group.some((alt) => t.includes(alt))));
  };
  const cutItems: EvalItem[] = [];
  for (const [source, asked] of bySource) {
    if (!changed.has(source)) continue;
    for (const item of asked) {
      if (held(item.keys!)) continue;
      cutItems.push({ id: `cut:${item.id}`, question: item.question, source, unanswerable: true, kind: 'cut' });
    }
  }
  return { files: out, items: cutItems };
}
