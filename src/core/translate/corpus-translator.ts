/**
 * @module corpus-translator: the translator of the corpus as it is now. After the documents change it is built again a
 * slice at a time, when an English question first needs it (a second or more of work that would otherwise hold every
 * question up); meanwhile the one built before the change answers, and only the very first English question waits.
 * A build overtaken by a newer change is stopped at its next slice, and whoever waited for it gets the newer one.
 */
import { buildTranslator, type TranslationSources, type Translator } from './translator.js';

interface Build {
  version: unknown;
  done: Promise<Translator>;
  stop: AbortController;
  /** The build that overtook this one (set before this one is stopped). */
  next?: Build;
}

/** `version()` changes (by identity) when the documents do. */
export function corpusTranslator(sources: TranslationSources, version: () => unknown): () => Promise<Translator> {
  let ready: { version: unknown; translator: Translator } | undefined;
  let building: Build | undefined;

  const start = (v: unknown): Build => {
    const stop = new AbortController();
    const build: Build = { version: v, stop, done: buildTranslator(sources, stop.signal) };
    if (building) {
      building.next = build;
      building.stop.abort();
    }
    building = build;
    build.done.then(
      (translator) => {
        if (building === build) [ready, building] = [{ version: v, translator }, undefined];
      },
      () => {
        if (building === build) building = undefined;
      },
    );
    return build;
  };

  /** The build's translator, or that of the build that overtook it (and so on). */
  const finished = async (build: Build): Promise<Translator> => {
    for (;;) {
      try {
        return await build.done;
      } catch (e) {
        if (!build.stop.signal.aborted || !build.next) throw e;
        build = build.next;
      }
    }
  };

  return async () => {
    const v = version();
    if (ready && ready.version === v) return ready.translator;
    const build = building && building.version === v ? building : start(v);
    return ready?.translator ?? finished(build);
  };
}
