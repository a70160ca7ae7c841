import type { Scenario } from './scenario.js';
export const corruptIndex: Scenario = { name: 'corrupt-index', async *run() {} };
