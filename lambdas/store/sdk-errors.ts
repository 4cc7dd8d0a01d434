/**
 * The one mapping from AWS SDK (and socket) errors to JsnewsError(STORE_FAILED), with `retryable`
 * read from the error itself, so the pipeline and the SQS consumers can tell an outage (retry) from
 * a request that can never succeed (record the failure, acknowledge the message):
 *   - transient: throttling, HTTP 5xx/429, timeouts, network resets and refused connections;
 *   - permanent: validation (e.g. an item over DynamoDB's 400 KB), failed conditions, access denied,
 *     a missing bucket or table, any other 4xx.
 * An error with neither an HTTP status nor a known name (a socket died before any answer) is transient.
 */
import { ErrorCode, JsnewsError } from '../contract/errors.js';

export type StoreService = 'S3' | 'DynamoDB' | 'SQS' | 'Lambda';

/**
 * Error names a later retry can cure although the service answers them with a 4xx (DynamoDB
 * throttling and transaction conflicts are HTTP 400, S3's RequestTimeout too). Any other 4xx is
 * the request's own fault (ValidationException, ConditionalCheckFailedException, AccessDenied,
 * NoSuchBucket, ...): permanent. Every 5xx and 429 is transient.
 */
const TRANSIENT_4XX_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'RequestTimeout',
]);

/** Node socket error codes of a dead or unreachable endpoint: the store may be back on the next try. */
const TRANSIENT_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET']);

interface SdkLike {
  name?: unknown;
  /** A Node socket error code (ECONNRESET, ...). */
  code?: unknown;
  /** S3's error code in the XML body. */
  Code?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
  errors?: unknown;
}

/** The socket codes on an error, its cause chain and an AggregateError's members (Node's happy-eyeballs connect). */
function socketCodes(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== 'object' || depth > 4) return [];
  const e = err as SdkLike;
  const own = typeof e.code === 'string' ? [e.code] : [];
  const members = Array.isArray(e.errors) ? e.errors.flatMap((m) => socketCodes(m, depth + 1)) : [];
  return [...own, ...members, ...socketCodes(e.cause, depth + 1)];
}

/** Whether a retry of the same request can succeed. */
export function isTransientStoreError(err: unknown): boolean {
  if (err instanceof JsnewsError) return err.retryable;
  const e = (err ?? {}) as SdkLike;
  if (TRANSIENT_4XX_NAMES.has(String(e.name)) || TRANSIENT_4XX_NAMES.has(String(e.Code))) return true;
  if (socketCodes(err).some((c) => TRANSIENT_SOCKET_CODES.has(c))) return true;
  if (e.$retryable !== undefined) return true;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500 || status === 429 || status === 408;
  return e.$fault !== 'client';
}

/** An SDK error as JsnewsError(STORE_FAILED) naming the service and the call; a JsnewsError passes through. */
export function storeError(service: StoreService, what: string, err: unknown): JsnewsError {
  if (err instanceof JsnewsError) return err;
  const message = err instanceof Error ? err.message || err.name : String(err);
  return new JsnewsError(ErrorCode.StoreFailed, `${service} ${what}: ${message}`, isTransientStoreError(err), { cause: err });
}

/** Runs one store call; whatever it throws comes out as storeError(). */
export async function storeCall<T>(service: StoreService, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw storeError(service, what, err);
  }
}
