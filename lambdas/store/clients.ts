/**
 * SDK v3 clients for the records table and the archive bucket, configured either for real AWS
 * (default credential chain) or for the embedded local stores, with connection and request
 * timeouts and bounded retries on both.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';

/** s3rver accepts only these credentials for signed requests. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
/** DynamoDB Local accepts any credentials; fixed ones keep its per-credential database stable. */
export const DYNAMODB_LOCAL_CREDENTIALS = { accessKeyId: 'jsnewslocal', secretAccessKey: 'jsnewslocal' } as const;

/**
 * Keep-alive HTTP agents for both clients: a pipeline sends several small requests per page, and a
 * new TCP connection per request costs a handshake each (and, on AWS, TLS). The SDK's default agent
 * already keeps alive; we set it explicitly so a future default change cannot regress the bench.
 */
export const HTTP_KEEP_ALIVE = true;
/**
 * Sockets per client. Must exceed the URLs in flight (each holds at most one store request at a
 * time) plus the reads of `query`; 64 leaves room for 32 in flight with no queueing in the agent.
 */
export const HTTP_MAX_SOCKETS = 64;

/**
 * Time bounds on every store request, so a black-holed DynamoDB or S3 connection fails instead of
 * hanging a run (issue 10: a run waited > 240 s on one). Without them the SDK waits forever.
 * - connection: TCP (and TLS) setup. Same-region AWS endpoints and the local stores connect in
 *   well under 100 ms; 3 s is generous yet leaves the retries room inside a Lambda's budget.
 * - request: the whole request and response. DynamoDB items are < 400 KB and archived pages are at
 *   most the fetch body cap (a few MB), which take well under a second in-region and on localhost;
 *   10 s per attempt bounds a stalled response.
 * - attempts: the SDK's standard retry strategy with backoff; 3 attempts (the SDK default, stated
 *   here so it cannot silently grow) bounds one call to about 3 x (3 + 10) s plus backoff.
 */
export const STORE_CONNECTION_TIMEOUT_MS = 3_000;
export const STORE_REQUEST_TIMEOUT_MS = 10_000;
export const STORE_MAX_ATTEMPTS = 3;

/** Timeouts and attempts of the store clients; tests shorten them to check the bound quickly. */
export interface StoreTimeouts {
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  maxAttempts: number;
}

export const DEFAULT_STORE_TIMEOUTS: StoreTimeouts = {
  connectionTimeoutMs: STORE_CONNECTION_TIMEOUT_MS,
  requestTimeoutMs: STORE_REQUEST_TIMEOUT_MS,
  maxAttempts: STORE_MAX_ATTEMPTS,
};

const requestHandler = (t: StoreTimeouts) => ({
  connectionTimeout: t.connectionTimeoutMs,
  requestTimeout: t.requestTimeoutMs,
  // Without this the SDK only logs a warning when requestTimeout passes and keeps waiting.
  throwOnRequestTimeout: true,
  // Also close a socket that goes silent mid-response (a black hole after the request was sent).
  socketTimeout: t.requestTimeoutMs,
  httpAgent: { keepAlive: HTTP_KEEP_ALIVE, maxSockets: HTTP_MAX_SOCKETS },
  httpsAgent: { keepAlive: HTTP_KEEP_ALIVE, maxSockets: HTTP_MAX_SOCKETS },
});

export interface ClientConfig {
  region: string;
  /** 'local' uses the fixed local credentials, path-style S3 and relaxed checksums (s3rver). */
  mode: 'aws' | 'local';
  dynamoEndpoint?: string;
  s3Endpoint?: string;
  /** SDK attempts per call; overrides `timeouts.maxAttempts`. */
  maxAttempts?: number;
  /** Defaults to DEFAULT_STORE_TIMEOUTS. */
  timeouts?: StoreTimeouts;
}

export interface StoreClients {
  dynamo: DynamoDBClient;
  /** Document client over `dynamo`: plain JS values in and out. */
  doc: DynamoDBDocumentClient;
  s3: S3Client;
  destroy(): void;
}

export function makeClients(config: ClientConfig): StoreClients {
  const local = config.mode === 'local';
  const timeouts = config.timeouts ?? DEFAULT_STORE_TIMEOUTS;
  const maxAttempts = config.maxAttempts ?? timeouts.maxAttempts;
  const dynamo = new DynamoDBClient({
    region: config.region,
    maxAttempts,
    requestHandler: requestHandler(timeouts),
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
    ...(local ? { credentials: DYNAMODB_LOCAL_CREDENTIALS } : {}),
  });
  const doc = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const s3 = new S3Client({
    region: config.region,
    maxAttempts,
    requestHandler: requestHandler(timeouts),
    ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
    ...(local
      ? {
          credentials: S3RVER_CREDENTIALS,
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
  });
  return {
    dynamo,
    doc,
    s3,
    destroy() {
      doc.destroy();
      dynamo.destroy();
      s3.destroy();
    },
  };
}
