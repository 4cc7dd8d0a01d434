/**
 * Runtime configuration, read and validated once from the environment: the one place that knows the
 * environment's variable names (shared with the CDK stack, which sets them). Everything else receives
 * the typed value. With no AWS configuration the CLI starts embedded local stores (DynamoDB Local +
 * s3rver); with JSNEWS_TABLE, JSNEWS_BUCKET and AWS_REGION set it talks to real AWS.
 */
import { z } from 'zod';
import { ErrorCode, JsnewsError } from './errors.js';
import { formatIssues } from './zod-issues.js';

/** Table and bucket names used when the CLI runs against embedded local stores. */
export const LOCAL_TABLE_NAME = 'jsnews';
export const LOCAL_BUCKET_NAME = 'jsnews-archive';
/** Region the SDK clients claim for local stores (DynamoDB Local keys its data by region unless -sharedDb). */
export const LOCAL_REGION = 'us-east-1';
/** Where local stores keep their files, relative to the working directory. */
export const DEFAULT_LOCAL_DATA_DIR = '.jsnews/local';

const AwsEnv = z.object({
  JSNEWS_TABLE: z.string().min(3).max(255),
  JSNEWS_BUCKET: z.string().min(3).max(63),
  AWS_REGION: z.string().min(1),
  /** Optional endpoint overrides (e.g. a LocalStack or a DynamoDB Local you run yourself). */
  JSNEWS_DYNAMODB_ENDPOINT: z.string().url().optional(),
  JSNEWS_S3_ENDPOINT: z.string().url().optional(),
});

const LocalEnv = z.object({
  JSNEWS_LOCAL_DIR: z.string().min(1).optional(),
});

export interface AppConfig {
  /** 'aws' when the AWS variables are set, else 'local' (embedded stores are started by the CLI). */
  mode: 'aws' | 'local';
  tableName: string;
  bucketName: string;
  region: string;
  localDataDir: string;
  dynamoEndpoint?: string;
  s3Endpoint?: string;
}

const AWS_KEYS = ['JSNEWS_TABLE', 'JSNEWS_BUCKET', 'AWS_REGION'] as const;

/** Reads the environment once. Partial AWS configuration is an error, not a silent fallback to local. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = AWS_KEYS.filter((k) => env[k] !== undefined && env[k] !== '');
  const local = parseOrThrow(LocalEnv, env);
  const localDataDir = local.JSNEWS_LOCAL_DIR ?? DEFAULT_LOCAL_DATA_DIR;
  if (present.length === 0 || (present.length === 1 && present[0] === 'AWS_REGION')) {
    return { mode: 'local', tableName: LOCAL_TABLE_NAME, bucketName: LOCAL_BUCKET_NAME, region: LOCAL_REGION, localDataDir };
  }
  const aws = parseOrThrow(AwsEnv, env);
  return {
    mode: 'aws',
    tableName: aws.JSNEWS_TABLE,
    bucketName: aws.JSNEWS_BUCKET,
    region: aws.AWS_REGION,
    localDataDir,
    dynamoEndpoint: aws.JSNEWS_DYNAMODB_ENDPOINT,
    s3Endpoint: aws.JSNEWS_S3_ENDPOINT,
  };
}

function parseOrThrow<T extends z.ZodTypeAny>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new JsnewsError(
    ErrorCode.InvalidArgument,
    `invalid configuration (set all of ${AWS_KEYS.join(', ')} for AWS, or none for local stores): ${formatIssues(parsed.error)}`,
  );
}

/** Variables of the Lambda handlers, set by the CDK stack. */
export const ENV = {
  table: 'JSNEWS_TABLE',
  bucket: 'JSNEWS_BUCKET',
  fetchQueueUrl: 'JSNEWS_FETCH_QUEUE_URL',
  normalizeQueueUrl: 'JSNEWS_NORMALIZE_QUEUE_URL',
  /** Path of a sources JSON file bundled next to the handler (deploys made with `-c sources=`). */
  sourcesFile: 'JSNEWS_SOURCES_FILE',
  stage: 'JSNEWS_STAGE',
} as const;

const QueueEnv = z.object({
  [ENV.fetchQueueUrl]: z.string().url(),
  [ENV.normalizeQueueUrl]: z.string().url(),
});

export interface QueueUrls {
  fetch: string;
  normalize: string;
}

/** Queue URLs the fan-out handlers enqueue to. Throws InvalidArgument naming the missing variable. */
export function queueUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): QueueUrls {
  const parsed = QueueEnv.safeParse(env);
  if (!parsed.success) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `invalid handler environment: ${formatIssues(parsed.error)}`);
  }
  return { fetch: parsed.data[ENV.fetchQueueUrl], normalize: parsed.data[ENV.normalizeQueueUrl] };
}

/** The sources override file, when the deploy bundled one. */
export function sourcesFileFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[ENV.sourcesFile];
  return value ? value : undefined;
}
