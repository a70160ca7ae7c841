/** @module logger: structured JSON logs (pino) on stdout. */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'zhida' }, timestamp: pino.stdTimeFunctions.isoTime });
}
