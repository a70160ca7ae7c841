/** @module logger: structured JSON logs (pino); the server logs to stdout, command-line tools to stderr. */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string, stream: 'stdout' | 'stderr' = 'stdout'): Logger {
  return pino(
    { level, base: { service: 'zhida' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ fd: stream === 'stdout' ? 1 : 2, sync: true }),
  );
}
