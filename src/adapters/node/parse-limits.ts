/** @module parse-limits: the caps a document must pass before it is parsed, their defaults, and the error for a breach. */
import type { Config } from '../../config.js';
import { AppError } from '../../core/errors.js';

export interface ParseLimits {
  /**
   * Sum of the uncompressed sizes of a zip-based document's (docx, xlsx, pptx) parts; also the most characters a
   * table's text may grow to, since every row repeats its column headers.
   */
  maxUncompressedBytes: number;
  /** Uncompressed size of any one part. */
  maxEntryBytes: number;
  /** Number of parts. */
  maxEntries: number;
  /** Uncompressed ÷ compressed size of any part over 1 MiB. */
  maxCompressionRatio: number;
  maxPdfPages: number;
  /** Time to extract a PDF's, spreadsheet's or slide deck's text (mammoth cannot be stopped mid-way, so docx relies on the size caps). */
  timeoutMs: number;
}

/** Far above real office documents, whose XML parts compress some 5–20 times; a deflate bomb compresses about 1000 times. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntryBytes: 50 * 1024 * 1024,
  maxEntries: 5000,
  maxCompressionRatio: 100,
  maxPdfPages: 2000,
  timeoutMs: 60_000,
};

/** The setting behind each cap, named in the error so that an operator knows what to raise. */
export const LIMIT_SETTINGS: Record<keyof ParseLimits, string> = {
  maxUncompressedBytes: 'PARSE_MAX_UNCOMPRESSED_BYTES',
  maxEntryBytes: 'PARSE_MAX_ENTRY_BYTES',
  maxEntries: 'PARSE_MAX_ENTRIES',
  maxCompressionRatio: 'PARSE_MAX_COMPRESSION_RATIO',
  maxPdfPages: 'PARSE_MAX_PDF_PAGES',
  timeoutMs: 'PARSE_TIMEOUT_MS',
};

/** The PARSE_* settings, each of which may be unset. */
export type LimitSettings = Partial<
  Pick<
    Config,
    | 'PARSE_MAX_UNCOMPRESSED_BYTES'
    | 'PARSE_MAX_ENTRY_BYTES'
    | 'PARSE_MAX_ENTRIES'
    | 'PARSE_MAX_COMPRESSION_RATIO'
    | 'PARSE_MAX_PDF_PAGES'
    | 'PARSE_TIMEOUT_MS'
  >
>;

/** The limits a configuration sets, with the defaults for what it leaves unset. */
export function parseLimitsOf(config: LimitSettings): ParseLimits {
  const d = DEFAULT_PARSE_LIMITS;
  return {
    maxUncompressedBytes: config.PARSE_MAX_UNCOMPRESSED_BYTES ?? d.maxUncompressedBytes,
    maxEntryBytes: config.PARSE_MAX_ENTRY_BYTES ?? d.maxEntryBytes,
    maxEntries: config.PARSE_MAX_ENTRIES ?? d.maxEntries,
    maxCompressionRatio: config.PARSE_MAX_COMPRESSION_RATIO ?? d.maxCompressionRatio,
    maxPdfPages: config.PARSE_MAX_PDF_PAGES ?? d.maxPdfPages,
    timeoutMs: config.PARSE_TIMEOUT_MS ?? d.timeoutMs,
  };
}

/** `<source>: <what>, over <SETTING> (<limit>).` as a 413. */
export function overLimit(source: string, what: string, limits: ParseLimits, cap: Exclude<keyof ParseLimits, 'timeoutMs'>): AppError {
  return new AppError('document_too_large', `${source}: ${what}, over ${LIMIT_SETTINGS[cap]} (${limits[cap]}).`);
}

/** `<source>: reading took longer than PARSE_TIMEOUT_MS (<ms> ms).` as a 422. */
export function tookTooLong(source: string, limits: ParseLimits): AppError {
  return new AppError('document_timeout', `${source}: reading took longer than ${LIMIT_SETTINGS.timeoutMs} (${limits.timeoutMs} ms).`);
}

/** What a streaming parser spends as it goes: characters of text, and time. */
export interface ParseBudget {
  /** Counts `chars` more characters of text; throws once the total passes the cap. */
  spend(chars: number): void;
  /** Throws once the deadline has passed. */
  checkTime(): void;
}

/** A budget of `maxUncompressedBytes` characters and `timeoutMs`, from now. */
export function parseBudget(source: string, limits: ParseLimits): ParseBudget {
  const deadline = Date.now() + limits.timeoutMs;
  let spent = 0;
  return {
    spend(chars) {
      spent += chars;
      if (spent > limits.maxUncompressedBytes) {
        throw overLimit(source, `its text runs past ${limits.maxUncompressedBytes} characters`, limits, 'maxUncompressedBytes');
      }
    },
    checkTime() {
      if (Date.now() > deadline) throw tookTooLong(source, limits);
    },
  };
}
