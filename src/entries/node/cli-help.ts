/** @module cli-help: `--help` / `-h` on every command prints its usage and exits 0, before anything slow starts. */
export function printHelpIfAsked(usage: string): void {
  const args = process.argv.slice(2);
  if (!args.includes('--help') && !args.includes('-h')) return;
  process.stdout.write(`${usage.trim()}\n`);
  process.exit(0);
}
