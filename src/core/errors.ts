/** @module errors: one table of error codes; channels map them to HTTP statuses or WeChat text. */

export const ERROR_CODES = {
  bad_request: { status: 400, message: 'The request is not valid.' },
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  question_empty: { status: 400, message: 'The question is empty.' },
  question_too_long: { status: 400, message: 'The question is too long.' },
  unauthorized: { status: 401, message: 'Missing or wrong credentials.' },
  forbidden: { status: 403, message: 'Not allowed.' },
  not_found: { status: 404, message: 'Not found.' },
  method_not_allowed: { status: 405, message: 'Method not allowed.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Unsupported content type.' },
  unsupported_format: { status: 415, message: 'Unsupported document format.' },
  duplicate_document: { status: 409, message: 'The same document is already in the corpus.' },
  corpus_document: { status: 409, message: 'The document is a file of the corpus folder, which the server never changes.' },
  storage_full: { status: 507, message: 'The disk is full; nothing was stored.' },
  rate_limited: { status: 429, message: 'Too many requests.' },
  not_ready: { status: 503, message: 'The index is not ready yet.' },
  timeout: { status: 503, message: 'The request took too long.' },
  log_unavailable: { status: 503, message: 'The conversation log is not available.' },
  upload_timeout: { status: 503, message: 'The upload took too long to index; nothing was stored.' },
  document_unreadable: { status: 422, message: 'The document could not be read.' },
  document_too_large: { status: 413, message: 'The document would expand beyond the parsing limits.' },
  document_timeout: { status: 422, message: 'The document took too long to read.' },
  text_encoding_unsupported: { status: 415, message: 'The file is not text in UTF-8, UTF-16 with a byte-order mark, or GB18030.' },
  index_mismatch: { status: 500, message: 'The persisted index does not match the configuration.' },
  index_corrupt: { status: 500, message: 'The persisted index is inconsistent.' },
  config_invalid: { status: 500, message: 'The configuration is not valid.' },
  model_invalid: { status: 500, message: 'The answer model does not fit this version.' },
  llm_failed: { status: 502, message: 'The language model could not be reached or answered with an error.' },
  llm_timeout: { status: 504, message: 'The language model took too long.' },
  dictionary_unreadable: { status: 500, message: 'The English–Chinese dictionary could not be read.' },
  internal: { status: 500, message: 'Internal error.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown; details?: unknown }) {
    super(message ?? ERROR_CODES[code].message, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = options?.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
