/**
 * The five Lambdas, their queue wiring and their permissions. Each function gets exactly the grants
 * its handler uses (see the table in docs/deploy.md); tests in test/unit/lib/ pin them.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ENV } from '../../lambdas/contract/config.js';
import { METRICS_NAMESPACE, SERVICE } from '../../lambdas/contract/metric-names.js';
import { LAMBDA_ENTRIES, NATIVE_MODULE_LAMBDAS, cdkBundlingOptions, normalizerAssetCommands, type LambdaName } from '../bundling.js';
import { BODY_PREFIX, FETCH_POINTER_PREFIX, RAW_PREFIX } from '../../lambdas/contract/archive-keys.js';
import { acknowledgeNag } from '../nag.js';
import type { WorkQueues } from './queues.js';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Logs are JSON (log-level filtering needs it; Powertools and EMF lines are JSON already and Lambda does not
 * re-encode them). Lambda's own START, END and REPORT lines are INFO-level system logs: at WARN they are not
 * written, only the platform's warnings and errors (timeouts, crashes). Duration, errors and throttles stay in
 * Lambda's CloudWatch metrics. The lines were ~380 B an invocation with CloudWatch's per-event overhead, and a
 * fetch invocation handles one page: USD 0.18 per million pages, fresh or revisit (npm run bench:cost).
 */
export const SYSTEM_LOG_LEVEL = lambda.SystemLogLevel.WARN;
/** The handlers' own logs and EMF metrics (POWERTOOLS_LOG_LEVEL is the same, so both filters agree). */
export const APPLICATION_LOG_LEVEL = lambda.ApplicationLogLevel.INFO;

/** Timeouts and sizes per function; memory also buys CPU, which normalize (cheerio, OpenCC) needs. */
export const FUNCTION_SETTINGS = {
  // Reads a few list pages politely (2 s apart) and enqueues links.
  discover: { memoryMb: 512, timeout: Duration.minutes(2) },
  // One URL per host per invocation (a host's later messages are deferred by its delay, not slept), each up to
  // ~30 s. Mostly waiting (the site, the stores), and waiting is billed per GB-s: 512 MB halves it against 1024 MB
  // while CPU-bound normalize costs the same GB-s either way. Peak RSS of all three handlers in one process
  // (npm run bench:cost, 317 pages, under tsx): 395 MB.
  fetch: { memoryMb: 512, timeout: Duration.minutes(5) },
  // Pure CPU on archived bytes: read, normalize, write.
  normalize: { memoryMb: 1024, timeout: Duration.minutes(1) },
  // Only enumerates and enqueues work (never fetches), so it finishes far inside the 15-minute cap.
  backfill: { memoryMb: 512, timeout: Duration.minutes(10) },
  // One Query per source on its REVISIT# partition plus a GetItem per due article, then SQS batches: I/O-bound
  // and small, so the smallest memory that loads the bundle comfortably.
  'revisit-planner': { memoryMb: 256, timeout: Duration.minutes(5) },
} as const satisfies Record<LambdaName, { memoryMb: number; timeout: Duration }>;

/**
 * Messages per fetch invocation. A batch mixes hosts (the senders spread each host over DelaySeconds slots,
 * pipeline/work-queue.ts), one page per host handled, under the host's lease; so this is pages per invocation, and
 * the batch's pages are one archive object (one S3 PUT). The event source mapping gathers more than ReceiveMessage's
 * 10 when a batching window is set (standard queues take up to 10,000); its receives and deletes stay 10 messages a
 * call, so 20 costs the same SQS requests a page as 10, half the PUTs and half the Lambda requests. Cost bench
 * (317 pages, 20 hosts, load 9-12, interleaved): fresh S3 0.505 -> 0.252 USD/M, Lambda requests 0.101 -> 0.050 a page.
 */
export const FETCH_BATCH_SIZE = 20;
/**
 * The event source mapping waits up to this long to fill a fetch batch. It bounds how late a message is handled
 * after its slot, so it must stay under the slot's slack (work-queue.ts FETCH_SLOT_WORK_MS 3 s − the lease's hold
 * LEASE_HOLD_MS 1.5 s): a message handled later than that still holds its host when the host's next slot comes,
 * the one refused meets the slot after, and so on to the host's last slot (a refused acquire is billed as a write).
 * Cost bench, revisit, 4 containers: 5 s (batches of 10) 0.13 refused writes a page; 2 s (20) 0.89; 1 s (20) 0.00.
 * At the model's ~12 pages/s a batch of 20 fills in under 2 s anyway; at a quiet hour batches are smaller.
 */
export const FETCH_BATCHING_WINDOW = Duration.seconds(1);
/** Archived pages per normalize invocation. */
export const NORMALIZE_BATCH_SIZE = 10;
/** Concurrent normalize Lambdas: bounded so a large reprocess does not spike DynamoDB on-demand cost. */
export const NORMALIZE_MAX_CONCURRENCY = 20;
/** Gather a few seconds of reprocess messages into fuller batches. */
export const NORMALIZE_BATCHING_WINDOW = Duration.seconds(5);
/** File name of a `-c sources=` override inside each bundle. */
export const BUNDLED_SOURCES_FILE = 'sources.json';

export interface JsnewsFunctionsProps {
  table: dynamodb.ITable;
  bucket: s3.IBucket;
  queues: WorkQueues;
  stage: string;
  logRetentionDays: number;
  fetchMaxConcurrency: number;
  /** Absolute path of a sources JSON override to bundle with the handlers that read sources. */
  sourcesFile?: string;
}

export class JsnewsFunctions extends Construct {
  readonly discover: nodejs.NodejsFunction;
  readonly fetch: nodejs.NodejsFunction;
  readonly normalize: nodejs.NodejsFunction;
  readonly backfill: nodejs.NodejsFunction;
  readonly revisitPlanner: nodejs.NodejsFunction;

  constructor(scope: Construct, id: string, private readonly props: JsnewsFunctionsProps) {
    super(scope, id);
    const { table, bucket, queues } = props;

    // discover: reads start pages, plans with the failures store, enqueues articles.
    this.discover = this.handler('discover', { needsSources: true });
    table.grantReadWriteData(this.discover);
    queues.fetchQueue.grantSendMessages(this.discover);

    // fetch: ingests (archive raw + large bodies to S3; records and fetch pointers to the table) and reads list pages.
    this.fetch = this.handler('fetch', { needsSources: true });
    table.grantReadWriteData(this.fetch);
    allowObjects(this.fetch, bucket, ['s3:GetObject', 's3:PutObject'], [RAW_PREFIX, BODY_PREFIX]);
    allowListBucket(this.fetch, bucket);
    queues.fetchQueue.grantSendMessages(this.fetch); // list pages enqueue the articles they link
    this.fetch.addEventSource(
      new SqsEventSource(queues.fetchQueue, {
        batchSize: FETCH_BATCH_SIZE,
        maxBatchingWindow: FETCH_BATCHING_WINDOW,
        reportBatchItemFailures: true,
        maxConcurrency: props.fetchMaxConcurrency,
      }),
    );

    // normalize: re-normalizes archived pages of one (source, day); never fetches, never writes raw.
    this.normalize = this.handler('normalize', { needsSources: false });
    table.grantReadWriteData(this.normalize);
    allowObjects(this.normalize, bucket, ['s3:GetObject'], [RAW_PREFIX, FETCH_POINTER_PREFIX, BODY_PREFIX]);
    allowObjects(this.normalize, bucket, ['s3:PutObject'], [BODY_PREFIX]);
    allowListBucket(this.normalize, bucket);
    this.normalize.addEventSource(
      new SqsEventSource(queues.normalizeQueue, {
        batchSize: NORMALIZE_BATCH_SIZE,
        maxBatchingWindow: NORMALIZE_BATCHING_WINDOW,
        reportBatchItemFailures: true,
        maxConcurrency: NORMALIZE_MAX_CONCURRENCY,
      }),
    );

    // backfill: only plans and enqueues. Lists archive days for reprocess (fetch pointer items by Query, and the
    // S3 pointer objects of older archives by listing); no table writes, no object access.
    this.backfill = this.handler('backfill', { needsSources: true });
    this.backfill.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: [table.tableArn] }));
    allowListBucket(this.backfill, bucket);
    queues.fetchQueue.grantSendMessages(this.backfill);
    queues.normalizeQueue.grantSendMessages(this.backfill);

    // revisit planner: reads the due-revisit index and tracking items, enqueues revisits on the fetch queue (the
    // fetch function does the revisit itself, under the host's politeness). Reads only; no objects.
    this.revisitPlanner = this.handler('revisit-planner', { needsSources: true });
    table.grantReadData(this.revisitPlanner);
    queues.fetchQueue.grantSendMessages(this.revisitPlanner);

    this.acknowledgeScopedWildcards(table, bucket);
  }

  /** The `<prefix>*` object ARNs and the table's `index/*` are the narrowest IAM can express; say so per finding. */
  private acknowledgeScopedWildcards(table: dynamodb.ITable, bucket: s3.IBucket): void {
    const stack = Stack.of(this);
    const tableId = stack.getLogicalId(table.node.defaultChild as CfnElement);
    const bucketId = stack.getLogicalId(bucket.node.defaultChild as CfnElement);
    for (const { fn } of this.all) {
      const policy = fn.role?.node.tryFindChild('DefaultPolicy');
      if (!policy) continue;
      acknowledgeNag(
        policy,
        `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
        'Queries go through the table\'s own GSIs (table-design.ts); index/* of this one table is how IAM names them.',
      );
      for (const prefix of [RAW_PREFIX, FETCH_POINTER_PREFIX, BODY_PREFIX]) {
        acknowledgeNag(
          policy,
          `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
          `Object keys under ${prefix} are content-addressed or per-URL: a key prefix is the narrowest scope S3 IAM allows.`,
        );
      }
    }
  }

  get all(): { name: LambdaName; fn: nodejs.NodejsFunction }[] {
    return [
      { name: 'discover', fn: this.discover },
      { name: 'fetch', fn: this.fetch },
      { name: 'normalize', fn: this.normalize },
      { name: 'backfill', fn: this.backfill },
      { name: 'revisit-planner', fn: this.revisitPlanner },
    ];
  }

  private handler(name: LambdaName, opts: { needsSources: boolean }): nodejs.NodejsFunction {
    const { props } = this;
    const settings = FUNCTION_SETTINGS[name];
    const sourcesFile = opts.needsSources ? props.sourcesFile : undefined;
    const logGroup = new logs.LogGroup(this, `${capitalize(name)}Logs`, {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    return new nodejs.NodejsFunction(this, capitalize(name), {
      entry: join(PROJECT_ROOT, LAMBDA_ENTRIES[name]),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: ARCHITECTURE,
      memorySize: settings.memoryMb,
      timeout: settings.timeout,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      systemLogLevelV2: SYSTEM_LOG_LEVEL,
      applicationLogLevelV2: APPLICATION_LOG_LEVEL,
      description: `jsnews ${name} (${props.stage})`,
      environment: {
        [ENV.table]: props.table.tableName,
        [ENV.bucket]: props.bucket.bucketName,
        [ENV.fetchQueueUrl]: props.queues.fetchQueue.queueUrl,
        [ENV.normalizeQueueUrl]: props.queues.normalizeQueue.queueUrl,
        [ENV.stage]: props.stage,
        ...(sourcesFile ? { [ENV.sourcesFile]: `/var/task/${BUNDLED_SOURCES_FILE}` } : {}),
        POWERTOOLS_SERVICE_NAME: SERVICE[name],
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: APPLICATION_LOG_LEVEL,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        ...cdkBundlingOptions(),
        ...afterBundlingHooks(sourcesFile, NATIVE_MODULE_LAMBDAS.includes(name)),
      },
    });
  }
}

/** Object-level S3 actions on keys under the given prefixes only. */
function allowObjects(fn: lambda.IFunction, bucket: s3.IBucket, actions: string[], prefixes: string[]): void {
  fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: prefixes.map((p) => bucket.arnForObjects(`${p}*`)) }));
}

/**
 * ListBucket on the archive bucket. Listing finds fetch pointers and archive days; it also makes a
 * HEAD of a missing raw object answer 404 instead of 403 (the archive's "already stored?" check).
 */
function allowListBucket(fn: lambda.IFunction, bucket: s3.IBucket): void {
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
}

/** Every Lambda runs on Graviton (arm64): the native modules copied into an asset are built for it. */
const ARCHITECTURE = lambda.Architecture.ARM_64;
const NATIVE_CPU = ARCHITECTURE === lambda.Architecture.ARM_64 ? 'arm64' : 'x64';

/** The sources file copied next to the bundle, and the normalizer's modules outside it (lib/bundling.ts normalizerAssetCommands). */
function afterBundlingHooks(sourcesFile: string | undefined, natives: boolean): { commandHooks?: nodejs.ICommandHooks } {
  if (!sourcesFile && !natives) return {};
  return {
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir: string, outputDir: string) => [
        ...(sourcesFile ? [`cp "${sourcesFile}" "${join(outputDir, BUNDLED_SOURCES_FILE)}"`] : []),
        ...(natives ? normalizerAssetCommands(PROJECT_ROOT, outputDir, NATIVE_CPU) : []),
      ],
    },
  };
}

/** Construct id of a function name: revisit-planner → RevisitPlanner. */
function capitalize(s: string): string {
  return s.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}
