/**
 * @module policy-glossary: zhida's own English glossary of the terms of Chinese government work reports and policy
 * papers (专项债 special bond, 台账 ledger, 专精特新 specialized and sophisticated), which CC-CEDICT lacks or renders
 * otherwise; read beside the dictionary, first, as curated entries (see `DictionaryEntry.curated`).
 */
import glossary from './policy-glossary.json' with { type: 'json' };
import type { Dictionary, DictionaryEntry } from '../ports.js';

export const POLICY_GLOSSARY: readonly DictionaryEntry[] = (glossary.entries as [string, string[]][]).map(([simplified, english]) => ({ simplified, english, curated: true }));

/** The dictionary with the glossary's entries read before its own. */
export function withGlossary(dictionary: Dictionary, entries: readonly DictionaryEntry[] = POLICY_GLOSSARY): Dictionary {
  return {
    id: `${dictionary.id} + zhida policy glossary (${entries.length} terms)`,
    *entries() {
      yield* entries;
      yield* dictionary.entries();
    },
  };
}
