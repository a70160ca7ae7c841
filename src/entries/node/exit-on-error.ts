/**
 * @module exit-on-error: a command that fails says why in one line (`zhida: …`) and exits 1, instead of a stack trace.
 * The stack is printed too when LOG_LEVEL is debug or trace (for bug reports).
 */
import { isAppError } from '../../core/errors.js';

function describe(error: unknown): string {
  if (isAppError(error)) return error.message;
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT' && e.path) return `no such file or folder: ${e.path}`;
  if ((e?.code === 'EACCES' || e?.code === 'EPERM') && e.path) return `permission denied: ${e.path}`;
  if (typeof e?.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS')) return `${e.message}; see --help`;
  if (e?.code === 'EADDRINUSE') return `the port is already in use (${e.message}); set PORT to another one`;
  return e instanceof Error ? e.message : String(error);
}

/** Installs the handlers; call first thing in an entry. */
export function exitOnError(): void {
  const fail = (error: unknown) => {
    process.stderr.write(`zhida: ${describe(error).replace(/\s*\n\s*/g, ' ')}\n`);
    if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '') && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}
