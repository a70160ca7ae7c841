/** @module http-settings: the HTTP part of the configuration, in the shape createApp takes. */
import type { Config } from '../../config.js';
import type { HttpSettings } from '../../app.js';

export const httpSettings = (config: Config): HttpSettings => ({
  allowedOrigins: config.ALLOWED_ORIGINS,
  rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  maxBodyBytes: config.MAX_BODY_BYTES,
  maxUploadBytes: config.UPLOAD_MAX_BYTES,
  uploadTimeoutMs: config.UPLOAD_TIMEOUT_MS,
  adminToken: config.ADMIN_TOKEN,
  adminSessionMs: config.ADMIN_SESSION_HOURS * 3_600_000,
});
