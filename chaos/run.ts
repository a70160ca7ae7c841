/**
 * @module run: `npm run chaos [-- name…]` — starts the real server on a throw-away copy of a small corpus and attacks
 * it as an attacker or an unlucky operator would (hostile documents, a full disk, a damaged index, SIGTERM mid-upload,
 * replayed WeChat requests, forged proxy headers, bad input), then prints what it tried and what held. Exits 1 if
 * anything did not hold.
 */
import { parseArgs } from 'node:util';
import { Lab } from './lab.js';
import { check, type Check, type Scenario } from './scenario.js';
import { zipBomb } from './zip-bomb.js';
import { diskFull } from './disk-full.js';
import { corruptIndex } from './corrupt-index.js';
import { sigtermUpload } from './sigterm-upload.js';
import { wechatReplay } from './wechat-replay.js';
import { spoofedProxy } from './spoofed-proxy.js';
import { badInput } from './bad-input.js';

const SCENARIOS: Scenario[] = [zipBomb, diskFull, corruptIndex, sigtermUpload, wechatReplay, spoofedProxy, badInput];
/** A scenario still running after this is stopped and counted as failed. */
const SCENARIO_TIMEOUT_MS = 10 * 60_000;

const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`usage: npm run chaos [-- scenario…]\n\nscenarios: ${SCENARIOS.map((s) => s.name).join(', ')} (default: all)`);
  process.exit(0);
}
const unknown = positionals.filter((p) => !SCENARIOS.some((s) => s.name === p));
if (unknown.length) {
  console.error(`zhida chaos: unknown scenario ${unknown.join(', ')}; see --help`);
  process.exit(1);
}
const chosen = positionals.length ? SCENARIOS.filter((s) => positionals.includes(s.name)) : SCENARIOS;

let lab: Lab | undefined;
const abandon = (signal: string) => {
  console.error(`\n${signal}: stopping the servers and removing ${lab?.workspace ?? 'the workspace'}`);
  lab?.disposeNow();
  process.exit(130);
};
process.once('SIGINT', () => abandon('SIGINT'));
process.once('SIGTERM', () => abandon('SIGTERM'));
process.once('exit', () => lab?.disposeNow());

const MARK = { held: 'held   ', FAILED: 'FAILED ', skipped: 'skipped' } as const;
const print = (c: Check) => console.log(`  ${MARK[c.outcome]}  ${c.tried}\n           → ${c.detail}`);

/** Runs one scenario's checks, printing each as it comes; a crash or a timeout is a failed check of its own. */
async function runScenario(scenario: Scenario, lab: Lab): Promise<Check[]> {
  const checks: Check[] = [];
  const checksOf = scenario.run(lab);
  const deadline = performance.now() + SCENARIO_TIMEOUT_MS;
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), Math.max(0, deadline - performance.now()))));
      const next = await Promise.race([checksOf.next(), timeout]).finally(() => clearTimeout(timer));
      if (next === 'timeout') {
        checks.push(check('finish within the time limit', false, `still running after ${SCENARIO_TIMEOUT_MS / 60_000} min; stopped`));
        print(checks.at(-1)!);
        break;
      }
      if (next.done) break;
      checks.push(next.value);
      print(next.value);
    }
  } catch (e) {
    checks.push(check('run to the end', false, `the scenario itself broke: ${e instanceof Error ? e.message : String(e)}`));
    print(checks.at(-1)!);
  } finally {
    await lab.killAll();
  }
  return checks;
}

const started = performance.now();
console.log('zhida chaos: building a small index in a temporary folder…');
lab = await Lab.open();
try {
  await lab.build();
} catch (e) {
  console.error(`zhida chaos: could not start the server on the intact corpus: ${e instanceof Error ? e.message : String(e)}`);
  await lab.dispose();
  process.exit(1);
}
console.log(`workspace ${lab.workspace}; baseline: ${lab.baselineAnswer.slice(0, 60)}…\n`);

const results: { scenario: string; checks: Check[] }[] = [];
for (const scenario of chosen) {
  console.log(`${scenario.name}`);
  results.push({ scenario: scenario.name, checks: await runScenario(scenario, lab) });
  console.log('');
}
await lab.dispose();
lab = undefined;

console.log('scenario          held  failed  skipped');
for (const { scenario, checks } of results) {
  const count = (o: Check['outcome']) => String(checks.filter((c) => c.outcome === o).length);
  console.log(`${scenario.padEnd(16)}  ${count('held').padStart(4)}  ${count('FAILED').padStart(6)}  ${count('skipped').padStart(7)}`);
}
const all = results.flatMap((r) => r.checks);
const tally = (o: Check['outcome']) => all.filter((c) => c.outcome === o).length;
console.log(`\n${all.length} checks in ${Math.round((performance.now() - started) / 1000)} s: ${tally('held')} held, ${tally('FAILED')} failed, ${tally('skipped')} skipped`);
process.exit(tally('FAILED') ? 1 : 0);
