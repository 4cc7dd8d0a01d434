/**
 * SDK v3 clients for the records table and the archive bucket, unmodified, configured either for
 * real AWS (default credential chain) or for the embedded local stores.
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

const requestHandler = () => ({
  httpAgent: { keepAlive: HTTP_KEEP_ALIVE, maxSockets: HTTP_MAX_SOCKETS },
  httpsAgent: { keepAlive: HTTP_KEEP_ALIVE, maxSockets: HTTP_MAX_SOCKETS },
});

export interface ClientConfig {
  region: string;
  /** 'local' uses the fixed local credentials, path-style S3 and relaxed checksums (s3rver). */
  mode: 'aws' | 'local';
  dynamoEndpoint?: string;
  s3Endpoint?: string;
  /** SDK attempts per call (the SDK's default when absent). */
  maxAttempts?: number;
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
  const dynamo = new DynamoDBClient({
    region: config.region,
    requestHandler: requestHandler(),
    ...(config.maxAttempts ? { maxAttempts: config.maxAttempts } : {}),
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
    ...(local ? { credentials: DYNAMODB_LOCAL_CREDENTIALS } : {}),
  });
  const doc = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const s3 = new S3Client({
    region: config.region,
    requestHandler: requestHandler(),
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
