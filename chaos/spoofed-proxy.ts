import type { Scenario } from './scenario.js';
export const spoofedProxy: Scenario = { name: 'spoofed-proxy', async *run() {} };
