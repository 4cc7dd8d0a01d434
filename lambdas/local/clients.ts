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

export interface ClientConfig {
  region: string;
  /** 'local' uses the fixed local credentials, path-style S3 and relaxed checksums (s3rver). */
  mode: 'aws' | 'local';
  dynamoEndpoint?: string;
  s3Endpoint?: string;
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
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
    ...(local ? { credentials: DYNAMODB_LOCAL_CREDENTIALS } : {}),
  });
  const doc = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const s3 = new S3Client({
    region: config.region,
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
