/**
 * @module run-bundled: `node bin/run-bundled.mjs <entry.ts> [args]` runs a TypeScript entry from a bundle that esbuild
 * makes once and keeps in .cache/bundles/, instead of through tsx. tsx compiles and resolves every module through a
 * loader thread: about 0.7 s of a one-question `npm run ask` here. The bundle is made again whenever a file under src/
 * changes (its size or modification time) or esbuild or Node does; packages stay external, so their own files load as
 * usual, and dynamic imports stay lazy (code splitting).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache', 'bundles');

/** Every file esbuild may read from src/, with its size and modification time: what the bundle is made from. */
function sourceStamp(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) sourceStamp(full, out);
    else {
      const info = statSync(full);
      out.push(`${relative(ROOT, full)}:${info.size}:${info.mtimeMs}`);
    }
  }
  return out;
}

async function bundle(entry, dir) {
  const esbuild = await import('esbuild');
  const tmp = `${dir}.${process.pid}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { main: entry },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    // Worker threads are started from their .ts files beside the module that starts them (through tsx).
    plugins: [
      {
        name: 'source-urls',
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
            const text = await readFile(path, 'utf8');
            return { contents: text.includes('import.meta.url') ? text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)) : text, loader: 'ts' };
          });
        },
      },
    ],
  });
  // Complete or absent: another process starting at the same moment either finds it whole or makes its own.
  await rename(tmp, dir).catch(async (e) => {
    await rm(tmp, { recursive: true, force: true });
    if (!existsSync(join(dir, 'main.js'))) throw e;
  });
  for (const other of readdirSync(dirname(dir))) {
    const path = join(dirname(dir), other);
    if (path !== dir && other.startsWith(`${entryKey(entry)}-`) && !other.endsWith('.tmp')) rmSync(path, { recursive: true, force: true });
  }
}

const entryKey = (entry) => relative(ROOT, entry).replace(/[^A-Za-z0-9]+/g, '_');

const [target, ...args] = process.argv.slice(2);
if (!target) {
  process.stderr.write('usage: node bin/run-bundled.mjs <entry.ts> [args]\n');
  process.exit(2);
}
const entry = resolve(ROOT, target);
const { version: esbuildVersion } = JSON.parse(await readFile(join(ROOT, 'node_modules', 'esbuild', 'package.json'), 'utf8'));
const stamp = createHash('sha256').update([process.version, esbuildVersion, entry, ...sourceStamp(join(ROOT, 'src'))].join('\n')).digest('hex').slice(0, 16);
const dir = join(CACHE, `${entryKey(entry)}-${stamp}`);
if (!existsSync(join(dir, 'main.js'))) {
  await mkdir(CACHE, { recursive: true });
  await bundle(entry, dir);
}
// The entry sees its own arguments, as when it is run directly.
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(join(dir, 'main.js')).href);
