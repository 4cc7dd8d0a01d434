/**
 * One error family for the whole product. `code` is a stable, documented string that the CLI
 * prints and the store records; `retryable` is decided where the facts are known (a 503 is
 * retryable, a page with no article is not: the same bytes always give the same result).
 */
export const ErrorCode = {
  /** The input is empty (0 bytes or only white space). */
  EmptyInput: 'EMPTY_INPUT',
  /** The bytes are not a web page or text capture (PNG, PDF, gzip, other binary). */
  UnsupportedInput: 'UNSUPPORTED_INPUT',
  /** The input is larger than the normalizer accepts. */
  InputTooLarge: 'INPUT_TOO_LARGE',
  /** The page has no article: an index, list or stub page. */
  NoArticle: 'NO_ARTICLE',
  /** A file could not be read. */
  ReadFailed: 'READ_FAILED',
  /** An argument, event, payload or config value is invalid. */
  InvalidArgument: 'INVALID_ARGUMENT',
  /** A network fetch failed (DNS, connect, TLS, reset). */
  FetchFailed: 'FETCH_FAILED',
  /** A fetch timed out (connect, headers or body). */
  FetchTimeout: 'FETCH_TIMEOUT',
  /** The server answered with an HTTP error status. */
  HttpStatus: 'HTTP_STATUS',
  /** robots.txt disallows the URL for our user agent. */
  RobotsDisallowed: 'ROBOTS_DISALLOWED',
  /** The URL is not http(s) or resolves to a non-public address. */
  FetchBlocked: 'FETCH_BLOCKED',
  /** The response body was larger than the cap. */
  TooLarge: 'TOO_LARGE',
  /** The response is not HTML or text. */
  NotHtml: 'NOT_HTML',
  /** Too many redirects, or a redirect loop. */
  TooManyRedirects: 'TOO_MANY_REDIRECTS',
  /** A store (S3, DynamoDB) call failed. */
  StoreFailed: 'STORE_FAILED',
  /** Anything else: a bug. The message says what happened. */
  Internal: 'INTERNAL',
} as const;
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export class JsnewsError extends Error {
  override readonly name = 'JsnewsError';
  constructor(
    readonly code: ErrorCodeValue,
    message: string,
    readonly retryable = false,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Turns anything thrown into a JsnewsError, keeping the original as `cause`. */
export function toJsnewsError(err: unknown): JsnewsError {
  if (err instanceof JsnewsError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new JsnewsError(ErrorCode.Internal, message, false, { cause: err });
}
