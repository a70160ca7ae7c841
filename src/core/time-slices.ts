/**
 * @module time-slices: long synchronous work written as a generator, run either to the end at once or in slices that
 * give the event loop a turn between them (so that questions are answered while a large index is packed for saving).
 * Each `yield` marks a point where the work may pause.
 */

/** Runs every step now. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps, pausing for a turn of the event loop once a slice has taken `sliceMs`; once `signal` is aborted, it
 * stops at the next pause and rejects with the signal's reason.
 */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = 10, signal?: AbortSignal): Promise<T> {
  let started = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - started >= sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal?.throwIfAborted();
      started = performance.now();
    }
  }
}
