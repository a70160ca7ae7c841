/** @module cli-build-widget: `npm run build:widget` writes the bundled widget to dist/widget.js and dist/widget.txt (for Workers). */
import { mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { buildWidget } from '../../adapters/node/build-widget.js';
import { exitOnError } from './exit-on-error.js';

exitOnError();

const script = await buildWidget();
await mkdir('dist', { recursive: true });
await writeFile('dist/widget.js', script);
await writeFile('dist/widget.txt', script);
process.stderr.write(`dist/widget.js: ${script.length} bytes, ${gzipSync(script).length} gzipped\n`);
