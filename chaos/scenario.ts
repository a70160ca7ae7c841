/** @module scenario: what a fault-injection scenario is, and what each of its checks reports. */
import type { Lab } from './lab.js';

/** One observed check: what was done to the server, whether it held, and what was seen. */
export interface Check {
  tried: string;
  /** `skipped`: the fault could not be injected here (said why in `detail`); not counted as held or failed. */
  outcome: 'held' | 'FAILED' | 'skipped';
  detail: string;
}

export interface Scenario {
  name: string;
  /** Yields each check as soon as it is observed, so that a scenario that breaks half-way keeps what it saw. */
  run(lab: Lab): AsyncGenerator<Check>;
}

export const check = (tried: string, held: boolean, detail: string): Check => ({ tried, outcome: held ? 'held' : 'FAILED', detail });
export const skipped = (tried: string, detail: string): Check => ({ tried, outcome: 'skipped', detail });
