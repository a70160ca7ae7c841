/** @module progress: an indexing progress bar on stderr (plain lines when stderr is not a terminal). */
import cliProgress from 'cli-progress';

export function createProgress(label: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) {
    let lastPct = -1;
    return {
      update(done, total) {
        const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
        if (pct !== lastPct) {
          lastPct = pct;
          process.stderr.write(`${label}: ${done}/${total} (${pct}%)\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} chunks | {eta}s left`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
