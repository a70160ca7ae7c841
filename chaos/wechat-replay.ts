import type { Scenario } from './scenario.js';
export const wechatReplay: Scenario = { name: 'wechat-replay', async *run() {} };
