import type { Scenario } from './scenario.js';
export const badInput: Scenario = { name: 'bad-input', async *run() {} };
