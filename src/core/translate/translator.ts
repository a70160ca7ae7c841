/**
 * @module translator: English questions over a Chinese corpus — the dictionary reduced to the corpus's words and the
 * corpus's words by sound, built once per corpus (when the index loads, again after documents change), not per question.
 */
import type { Dictionary } from '../ports.js';
import { compoundUse, GlossIndex } from './gloss-index.js';
import { runInSlices, runToEnd } from '../time-slices.js';
import { SoundIndex } from './sound-index.js';
import { needsTranslation, translateQuestion, type EnglishQuestion } from './translate-question.js';

/** What a translator is built from: the dictionary and the corpus's words. */
export interface TranslationSources {
  dictionary: Dictionary;
  /** Every term of the corpus's word index with the number of passages using it. */
  vocabulary: () => Iterable<[string, number]>;
  /** Whether the corpus uses a term, at question time (uploads included). */
  known: (term: string) => boolean;
  /** The words the index cuts a text into (专项债 → 专项 债): a curated headword is the corpus's when all of them are. */
  tokenize?: (text: string) => string[];
}

/** How long building took and what it kept: reported at start-up. */
export interface TranslatorStats {
  dictionary: string;
  entries: number;
  kept: number;
  glossWords: number;
  sounds: number;
  ms: number;
}

export interface Translator {
  /** The question in Chinese, or undefined for a question that needs no translation (Chinese, or in the corpus's own words). */
  translate(question: string): EnglishQuestion | undefined;
  readonly stats: TranslatorStats;
}

/** Built at once (start-up, tests). */
export function createTranslator(sources: TranslationSources): Translator {
  return runToEnd(translatorSteps(sources));
}

/**
 * The same, built a slice at a time so that questions are answered meanwhile (the dictionary's reversal takes a
 * second or more: after a document is added, the engine keeps the translator it has until this one is ready).
 */
export function buildTranslator(sources: TranslationSources, signal?: AbortSignal): Promise<Translator> {
  return runInSlices(translatorSteps(sources), undefined, signal);
}

function* translatorSteps(sources: TranslationSources): Generator<void, Translator> {
  const started = performance.now();
  const documents = new Map(sources.vocabulary());
  const df = (term: string) => documents.get(term) ?? 0;
  const glosses = yield* GlossIndex.steps(sources.dictionary.entries(), (term, curated) => documents.get(term) ?? (curated ? compoundUse(sources.tokenize?.(term) ?? [], df) : 0));
  return assemble(sources, glosses, documents, started);
}

function assemble({ dictionary, known }: TranslationSources, glosses: GlossIndex, documents: Map<string, number>, started: number): Translator {
  const sounds = new SoundIndex(documents, (term) => (documents.get(term) ?? 0) > 0);
  documents.clear();
  const stats: TranslatorStats = {
    dictionary: dictionary.id,
    entries: glosses.stats.entries,
    kept: glosses.stats.kept,
    glossWords: glosses.size.words,
    sounds: sounds.size,
    ms: Math.round(performance.now() - started),
  };
  return {
    stats,
    translate: (question) => (needsTranslation(question, known) ? translateQuestion(question, { glosses, sounds, known }) : undefined),
  };
}
