/** Builds FetchFailure values and classifies thrown network errors. Nothing here throws. */
import { ErrorCode, type ErrorCodeValue } from '../contract/errors.js';
import type { FetchFailure } from './types.js';
import { BodyEncodingError, BodyTooLargeError } from './read-body.js';
import { BlockedAddressError } from './url-guard.js';

export interface FailureFields {
  requestedUrl: string;
  finalUrl: string | null;
  code: ErrorCodeValue;
  reason: string;
  status?: number | null;
  retryable: boolean;
  attempts: number;
}

export function failure(fields: FailureFields): FetchFailure {
  return { kind: 'failure', status: null, ...fields, fetchedAt: new Date().toISOString() };
}

export interface ErrorClass {
  code: ErrorCodeValue;
  reason: string;
  retryable: boolean;
}

const TIMEOUT_CODES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
  UND_ERR_HEADERS_TIMEOUT: 'headers timeout',
  UND_ERR_BODY_TIMEOUT: 'body timeout',
  ETIMEDOUT: 'timeout',
};

/** Maps an error thrown by undici / node:net / our body reader to a failure code. */
export function classifyError(err: unknown): ErrorClass {
  if (err instanceof BodyTooLargeError) return { code: ErrorCode.TooLarge, reason: err.message, retryable: false };
  if (err instanceof BodyEncodingError) return { code: ErrorCode.FetchFailed, reason: err.message, retryable: false };
  if (err instanceof BlockedAddressError || (err as { cause?: unknown })?.cause instanceof BlockedAddressError) {
    return { code: ErrorCode.FetchBlocked, reason: (err as Error).message, retryable: false };
  }
  const code = String((err as { code?: unknown })?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code ?? '');
  const message = err instanceof Error ? err.message : String(err);
  if (TIMEOUT_CODES[code]) return { code: ErrorCode.FetchTimeout, reason: `${TIMEOUT_CODES[code]} (${message})`, retryable: true };
  return { code: ErrorCode.FetchFailed, reason: code ? `${code}: ${message}` : message, retryable: true };
}
