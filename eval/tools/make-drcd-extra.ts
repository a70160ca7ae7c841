/**
 * @module make-drcd-extra: builds eval/drcd-extra/ from DRCD's development set (DRCD_dev.json of
 * DRCKnowledgeTeam/DRCD, CC BY-SA 3.0): the paragraphs that eval/drcd-trial/ does not use, laid out like it
 * (a fifth of the paragraphs left out of the corpus, their questions unanswerable). Deterministic.
 *
 *   node --import tsx eval/tools/make-drcd-extra.ts path/to/DRCD_dev.json
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Qa { id: string; question: string; answers: { text: string }[] }
interface Dataset { data: { title: string; paragraphs: { id: string; context: string; qas: Qa[] }[] }[] }

const input = process.argv[2];
if (!input) throw new Error('usage: make-drcd-extra.ts DRCD_dev.json');
const root = join(import.meta.dirname, '..');
const trial = join(root, 'drcd-trial');
const out = join(root, 'drcd-extra');

// Paragraphs the trial sample uses: those in its corpus and those its unanswerable questions ask about.
const used = new Set(readdirSync(join(trial, 'corpus')).map((f) => f.replace(/^DRCD_|\.txt$/g, '')));
for (const line of readFileSync(join(trial, 'questions.jsonl'), 'utf8').split('\n').filter(Boolean)) {
  used.add((JSON.parse(line).id as string).replace(/^DRCD_/, '').replace(/-\d+$/, ''));
}

const leftOut = (id: string) => createHash('sha256').update(id).digest()[0] < 256 / 5;
const dataset = JSON.parse(readFileSync(input, 'utf8')) as Dataset;
mkdirSync(join(out, 'corpus'), { recursive: true });
const lines: string[] = [];
let paragraphs = 0;
let held = 0;
for (const article of dataset.data) {
  for (const p of article.paragraphs) {
    if (used.has(p.id)) continue;
    paragraphs++;
    const out_ = leftOut(p.id);
    if (out_) held++;
    else writeFileSync(join(out, 'corpus', `DRCD_${p.id}.txt`), `${article.title}\n\n${p.context}\n`);
    for (const qa of p.qas) {
      const answers = qa.answers.map((a) => a.text.trim()).filter(Boolean);
      if (!answers.length) continue;
      const item = out_
        ? { id: `DRCD_${qa.id}`, question: qa.question, unanswerable: true, kind: 'unanswerable' }
        : {
            id: `DRCD_${qa.id}`,
            question: qa.question,
            source: `DRCD_${p.id}.txt`,
            evidence: [...answers].sort((a, b) => a.length - b.length)[0],
            keys: [[answers[0]]],
            kind: 'drcd',
          };
      lines.push(JSON.stringify(item));
    }
  }
}
writeFileSync(join(out, 'questions.jsonl'), `${lines.join('\n')}\n`);
process.stdout.write(`${paragraphs} paragraphs (${held} left out), ${lines.length} questions\n`);
