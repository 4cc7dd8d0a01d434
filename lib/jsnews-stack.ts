/**
 * The whole deployment: archive bucket, records table, work queues, four Lambdas, one schedule per
 * enabled source, alarms and a dashboard. Environment-agnostic (no lookups): `cdk synth` runs
 * offline without credentials.
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { acknowledgeNag } from './nag.js';
import type { Construct } from 'constructs';
import { Archive } from './constructs/archive.js';
import { FUNCTION_SETTINGS, JsnewsFunctions } from './constructs/functions.js';
import { Monitoring } from './constructs/monitoring.js';
import { WorkQueues } from './constructs/queues.js';
import { SourceSchedules } from './constructs/schedules.js';
import { RecordsTable } from './constructs/table.js';
import type { ScheduledSource } from './sources.js';
import type { StackConfig } from './stack-config.js';

export interface JsnewsStackProps extends StackProps {
  config: StackConfig;
  sources: ScheduledSource[];
  /** Absolute path of the `-c sources=` file, bundled into the handlers that read sources. */
  sourcesFile?: string;
}

export class JsnewsStack extends Stack {
  readonly archive: Archive;
  readonly records: RecordsTable;
  readonly queues: WorkQueues;
  readonly functions: JsnewsFunctions;
  readonly schedules: SourceSchedules;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: JsnewsStackProps) {
    super(scope, id, props);
    const { config } = props;
    const prod = config.stage === 'prod';
    // Prod keeps data when the stack goes; dev stacks are disposable.
    const removalPolicy = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.archive = new Archive(this, 'Archive', {
      rawInfrequentAccessDays: config.rawInfrequentAccessDays,
      rawExpireDays: config.rawExpireDays,
      removalPolicy,
    });
    this.records = new RecordsTable(this, 'Records', { deletionProtection: prod, removalPolicy });
    this.queues = new WorkQueues(this, 'Queues', {
      fetchFunctionTimeout: FUNCTION_SETTINGS.fetch.timeout,
      normalizeFunctionTimeout: FUNCTION_SETTINGS.normalize.timeout,
    });
    this.functions = new JsnewsFunctions(this, 'Functions', {
      table: this.records.table,
      bucket: this.archive.bucket,
      queues: this.queues,
      stage: config.stage,
      logRetentionDays: config.logRetentionDays,
      fetchMaxConcurrency: config.fetchMaxConcurrency,
      sourcesFile: props.sourcesFile,
    });
    this.schedules = new SourceSchedules(this, 'Schedules', {
      sources: props.sources,
      discover: this.functions.discover,
      revisitPlanner: this.functions.revisitPlanner,
      deadLetterQueue: this.queues.scheduleDlq,
      stage: config.stage,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      stage: config.stage,
      sources: props.sources,
      functions: this.functions.all,
      deadLetterQueues: this.queues.deadLetterQueues,
      workQueues: [
        { name: 'fetch', queue: this.queues.fetchQueue },
        { name: 'normalize', queue: this.queues.normalizeQueue },
      ],
    });
    this.outputs();
    suppressStackWideFindings(this);
  }

  private outputs(): void {
    new CfnOutput(this, 'TableName', { value: this.records.table.tableName, description: 'Records table (JSNEWS_TABLE)' });
    new CfnOutput(this, 'BucketName', { value: this.archive.bucket.bucketName, description: 'Raw page archive (JSNEWS_BUCKET)' });
    new CfnOutput(this, 'BackfillFunctionName', {
      value: this.functions.backfill.functionName,
      description: 'Invoke with a backfill payload: jsnews backfill --remote, or aws lambda invoke',
    });
    new CfnOutput(this, 'FetchQueueUrl', { value: this.queues.fetchQueue.queueUrl });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
  }
}

/** Findings that hold for every function in the stack, each with the reason it is acceptable. */
function suppressStackWideFindings(stack: Stack): void {
  acknowledgeNag(
    stack,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    "AWSLambdaBasicExecutionRole only allows writing the function's own CloudWatch logs: the AWS-maintained minimum for that.",
  );
  acknowledgeNag(
    stack,
    'AwsSolutions-L1',
    'nodejs22.x is the runtime the project targets and tests on; moving to a newer runtime is a deliberate, tested change.',
  );
}
