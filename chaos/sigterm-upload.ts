import type { Scenario } from './scenario.js';
export const sigtermUpload: Scenario = { name: 'sigterm-upload', async *run() {} };
