import { loadConfig } from '/work/main/src/config.js';
import { createLogger } from '/work/main/src/adapters/node/logger.js';
import { openIndex } from '/work/main/src/entries/node/open-index.js';
import { analyzeQuestion } from '/work/main/src/core/answer/analyze-question.js';
import { hybridSearch } from '/work/main/src/core/retrieve/hybrid-search.js';
import { foldText } from "/work/main/src/core/normalize/fold-text.js";
import { rankWindows } from '/work/main/src/core/answer/select-answer.js';
const o = await openIndex(loadConfig(process.env), { log: createLogger('warn', 'stderr') });
const idx = o.index;
for (const q of process.argv.slice(2)) {
  const a = analyzeQuestion(q, o.tokenizer);
  console.log(q, JSON.stringify({ kind: a.kind, unit: a.unit, count: a.count, kw: a.keywords, tokens: a.tokens, places: a.places, what: a.whatNoun }));
  const [v] = await o.embedder.embed([a.folded], 'query');
  const hits = await hybridSearch(idx, { tokens: a.tokens, vector: v }, { k: 6, candidates: 50, weights: o.engine.settings.weights });
  for (const h of hits) { const c = idx.chunk(h.id)!; console.log(`  ${h.score.toFixed(3)} kw=${h.keyword.toFixed(2)} v=${h.vector.toFixed(3)} d=${h.document.toFixed(2)} ${c.source.slice(0,3)} ${c.text.replace(/\s+/g,' ').slice(0,70)}`); }
  const w = rankWindows(a, hits.map(h => ({ chunk: idx.chunk(h.id)!, retrieval: h.score / hits[0].score })), { idf: t => idx.chunkBm25.idf(t), documentHas: (s, t) => idx.documentBm25.termFrequency(t, idx.document(s)!.key) > 0, documentFocus: () => false, isFocus: (t) => (idx.focus(t)?.share ?? 0) >= 0.8, title: (s) => idx.document(s)!.meta.title, fold: (_i: number, t: string) => foldText(t), places: s => o.tokenizer.places(s) }, { maxLength: 150 });
  for (const x of w.slice(0, 5)) console.log(`   w ${x.score.toFixed(3)} c=${x.confidence.toFixed(3)} ${x.text.slice(0, 90)}`);
}
