/** @module one-at-a-time: wraps an async function so that each call starts only once the previous one has settled. */

export function oneAtATime<A extends unknown[], T>(fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args: A) => {
    const turn = last.then(() => fn(...args));
    // A failed call does not hold up the next one; its caller gets the error.
    last = turn.catch(() => undefined);
    return turn;
  };
}
