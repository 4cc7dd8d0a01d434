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
/** The data directory's folder name under the per-user XDG data directory. */
export const HOME_DIR_NAME = 'jsnews';
/** The local stores' folder inside the data directory (dynamodb/, s3/, and the running stores' file). */
export const LOCAL_STORES_DIR = 'local';
/**
 * The AWS SDK's documented switch for its NodeVersionSupportWarning (printed once per client
 * package under Node < 22): the CLI supports Node 20 (package.json engines) and sets it.
 */
export const SDK_NODE_WARNING_ENV = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

const AwsEnv = z.object({
  JSNEWS_TABLE: z.string().min(3).max(255),
  JSNEWS_BUCKET: z.string().min(3).max(63),
  AWS_REGION: z.string().min(1),
  /** Optional endpoint overrides (e.g. a LocalStack or a DynamoDB Local you run yourself). */
  JSNEWS_DYNAMODB_ENDPOINT: z.string().url().optional(),
  JSNEWS_S3_ENDPOINT: z.string().url().optional(),
});

const LocalEnv = z.object({
  /** The data directory (default: $XDG_DATA_HOME/jsnews, else ~/.local/share/jsnews). */
  JSNEWS_HOME: z.string().min(1).optional(),
  /** The local stores' directory itself (default <home>/local); tests point it at a temp dir. */
  JSNEWS_LOCAL_DIR: z.string().min(1).optional(),
  XDG_DATA_HOME: z.string().optional(),
  HOME: z.string().optional(),
});

export interface AppConfig {
  /** 'aws' when the AWS variables are set, else 'local' (embedded stores are started by the CLI). */
  mode: 'aws' | 'local';
  tableName: string;
  bucketName: string;
  region: string;
  /** The data directory (local stores, running-stores file), absolute unless given relative. */
  home: string;
  localDataDir: string;
  dynamoEndpoint?: string;
  s3Endpoint?: string;
}

const AWS_KEYS = ['JSNEWS_TABLE', 'JSNEWS_BUCKET', 'AWS_REGION'] as const;

/**
 * The data directory: `--home` (override), else JSNEWS_HOME, else the XDG per-user data directory
 * ($XDG_DATA_HOME/jsnews when XDG_DATA_HOME is absolute, as the XDG spec requires, else
 * $HOME/.local/share/jsnews). The same from any working directory.
 */
export function resolveHome(env: NodeJS.ProcessEnv = process.env, override?: string): string {
  const home = findHome(parseOrThrow(LocalEnv, env), override);
  if (home === null) throw new JsnewsError(ErrorCode.InvalidArgument, 'no data directory: set JSNEWS_HOME (or HOME), or pass --home DIR');
  return home;
}

function findHome(local: z.infer<typeof LocalEnv>, override?: string): string | null {
  if (override) return override;
  if (local.JSNEWS_HOME) return local.JSNEWS_HOME;
  if (local.XDG_DATA_HOME?.startsWith('/')) return `${local.XDG_DATA_HOME.replace(/\/+$/, '')}/${HOME_DIR_NAME}`;
  if (local.HOME) return `${local.HOME.replace(/\/+$/, '')}/.local/share/${HOME_DIR_NAME}`;
  return null;
}

/** Reads the environment once. Partial AWS configuration is an error, not a silent fallback to local. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { home?: string } = {}): AppConfig {
  const present = AWS_KEYS.filter((k) => env[k] !== undefined && env[k] !== '');
  const local = parseOrThrow(LocalEnv, env);
  if (present.length === 0 || (present.length === 1 && present[0] === 'AWS_REGION')) {
    // A JSNEWS_LOCAL_DIR alone (tests) is enough: it is then the data directory too.
    const home = findHome(local, options.home) ?? local.JSNEWS_LOCAL_DIR ?? resolveHome(env, options.home);
    const localDataDir = local.JSNEWS_LOCAL_DIR ?? `${home}/${LOCAL_STORES_DIR}`;
    return { mode: 'local', tableName: LOCAL_TABLE_NAME, bucketName: LOCAL_BUCKET_NAME, region: LOCAL_REGION, home, localDataDir };
  }
  const aws = parseOrThrow(AwsEnv, env);
  // AWS mode keeps nothing locally; a Lambda has no HOME, so the data directory is resolved only when one is known.
  const home = options.home ?? local.JSNEWS_HOME ?? '';
  const localDataDir = local.JSNEWS_LOCAL_DIR ?? (home ? `${home}/${LOCAL_STORES_DIR}` : '');
  return {
    mode: 'aws',
    tableName: aws.JSNEWS_TABLE,
    bucketName: aws.JSNEWS_BUCKET,
    region: aws.AWS_REGION,
    home,
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
  /** The CLI's log level on stderr. */
  logLevel: 'JSNEWS_LOG_LEVEL',
  /** Any non-empty value: the CLI prints the stack of a failed command after its error line. */
  debug: 'JSNEWS_DEBUG',
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

/** Turns off the AWS SDK's Node-version warning (see SDK_NODE_WARNING_ENV) unless the user set the variable. */
export function silenceSdkNodeVersionWarning(env: NodeJS.ProcessEnv = process.env): void {
  env[SDK_NODE_WARNING_ENV] ??= 'true';
}

/** JSNEWS_DEBUG set (non-empty): the CLI prints stack traces of failed commands. */
export function debugFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env[ENV.debug]);
}

/** Log levels of the CLI's stderr logger. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** JSNEWS_LOG_LEVEL (debug|info|warn|error); default error: failures are already in the stores and the summary. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const v = env[ENV.logLevel];
  return v === 'debug' || v === 'info' || v === 'warn' || v === 'error' ? v : 'error';
}

/** AWS_REGION as set (for a remote call such as `jsnews backfill --remote`), else undefined. */
export function awsRegionFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_REGION || undefined;
}
