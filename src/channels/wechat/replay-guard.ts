/**
 * @module replay-guard: refuses a signed WeChat request whose timestamp is too far from the server's clock, or whose
 * (timestamp, nonce, signature) was already seen while that timestamp is acceptable with another body. In plaintext
 * mode the signature does not cover the body, so without this a captured query string would carry any message, at any
 * time. The same query with the same body is let through: WeChat may resend a message as it was, and the message's
 * MsgId (the delivery store) makes sure it is answered once.
 */
import { AppError } from '../../core/errors.js';

export interface ReplayGuardOptions {
  /** How far, in seconds, a request's timestamp may be from the server's clock either way. */
  maxSkewS: number;
  /** Signed requests remembered at most; past it the oldest is forgotten first. */
  capacity?: number;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

export interface ReplayGuard {
  /**
   * Throws 401 for a stale request or a repeated one (with another body, when `body` — a digest of the body — is
   * given), 400 for a timestamp that is not seconds since the epoch.
   */
  admit(timestamp: string, nonce: string, signature: string, body?: string): void;
  /** Requests remembered now. */
  readonly size: number;
}

export function createReplayGuard({ maxSkewS, capacity = 100_000, now = Date.now }: ReplayGuardOptions): ReplayGuard {
  // Key → the moment its timestamp leaves the window; after that the window check alone refuses it.
  const seen = new Map<string, { expires: number; body?: string }>();
  const skewMs = maxSkewS * 1000;

  return {
    admit(timestamp, nonce, signature, body) {
      if (!/^\d{1,12}$/.test(timestamp)) throw new AppError('bad_request', 'timestamp must be seconds since the epoch');
      const clock = now();
      const sentAt = Number(timestamp) * 1000;
      if (Math.abs(clock - sentAt) > skewMs) {
        throw new AppError('unauthorized', `timestamp is more than ${maxSkewS} s away from the server's clock`);
      }
      // Entries arrive roughly in expiry order, so dropping expired ones from the front keeps the map small.
      for (const [key, { expires }] of seen) {
        if (expires > clock) break;
        seen.delete(key);
      }
      const key = `${timestamp}\n${nonce}\n${signature.toLowerCase()}`;
      const earlier = seen.get(key);
      if (earlier) {
        if (body !== undefined && earlier.body === body) return;
        throw new AppError('unauthorized', 'This signed request was already used');
      }
      seen.set(key, { expires: sentAt + skewMs, body });
      if (seen.size > capacity) seen.delete(seen.keys().next().value as string);
    },
    get size() {
      return seen.size;
    },
  };
}
