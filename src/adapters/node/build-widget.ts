/** @module build-widget: bundles and minifies the widget's TypeScript with esbuild (in memory, at start, or to a file). */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const WIDGET_ENTRY = fileURLToPath(new URL('../../channels/widget/client/main.ts', import.meta.url));

export async function buildWidget(outfile?: string): Promise<string> {
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    write: Boolean(outfile),
    outfile,
  });
  return outfile ? '' : result.outputFiles![0].text;
}
