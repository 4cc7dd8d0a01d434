/**
 * Synthesizes the real app (same buildApp as `cdk synth`, esbuild bundling once for the file) and
 * checks resources, least privilege, wiring, schedules, alarms, outputs and cdk-nag.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../lib/app.js';
import { FETCH_BATCH_SIZE } from '../../../lib/constructs/functions.js';
import { AwsSolutionsChecks } from '../../../lib/nag.js';
import { SERVICE } from '../../../lambdas/contract/metric-names.js';

let outdir: string;
let template: Template;
let app: App;
let stackName: string;

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

/** All policy statements attached to the role of the function whose logical id starts with `prefix`. */
function statementsOf(prefix: string): Statement[] {
  const functions = template.findResources('AWS::Lambda::Function');
  const fnId = Object.keys(functions).find((id) => id.startsWith(prefix));
  expect(fnId, `function ${prefix}`).toBeDefined();
  const roleRef = JSON.stringify(functions[fnId!]!.Properties.Role);
  const roleId = JSON.parse(roleRef)['Fn::GetAtt'][0] as string;
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'jsnews-cdk-'));
  app = new App({ outdir, context: { stage: 'prod', schedules: '{"jschina-jsnews":"rate(2 hours)"}' } });
  const built = buildApp(app);
  stackName = built.stack.stackName;
  template = Template.fromStack(built.stack);
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('archive bucket', () => {
  it('is private, encrypted, TLS-only, logged, with a raw lifecycle', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'archive/' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: 'raw/sha256/',
            Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
            ExpirationInDays: 365,
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
  it('is retained in prod', () => {
    const buckets = Object.values(template.findResources('AWS::S3::Bucket'));
    expect(buckets.every((b) => b.DeletionPolicy === 'Retain')).toBe(true);
  });
});

describe('records table', () => {
  it('matches the store design: PK/SK, nine GSIs, on-demand, PITR, deletion protection in prod', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({ IndexName: 'GSI1', Projection: { ProjectionType: 'KEYS_ONLY' } }),
        // The day index carries the simhash: the repost query compares it over the days around a record's.
        Match.objectLike({ IndexName: 'GSI3', Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['simhash'] } }),
        Match.objectLike({ IndexName: 'GSI6', Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['simhash', 'recordId'] } }),
      ]),
    });
    const table = Object.values(template.findResources('AWS::DynamoDB::Table'))[0]!;
    expect(table.Properties.GlobalSecondaryIndexes).toHaveLength(9);
  });
});

describe('queues', () => {
  it('fetch queue is standard, encrypted, kept 14 days; its redrive count leaves 3 real attempts after the politeness hand-backs', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
      // 3 attempts + up to 20 hand-backs (a batch's later messages of a host, a lease refusal, a later wave).
      RedrivePolicy: { maxReceiveCount: 23, deadLetterTargetArn: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: { maxReceiveCount: 3, deadLetterTargetArn: Match.anyValue() } });
    // No FIFO queue is left (the FIFO group per host gave way to the host lease, issue 13).
    expect(Object.values(template.findResources('AWS::SQS::Queue')).filter((q) => q.Properties.FifoQueue)).toHaveLength(0);
  });
  it('every queue denies non-TLS access', () => {
    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy'));
    expect(policies).toHaveLength(5);
    for (const p of policies) expect(JSON.stringify(p)).toContain('aws:SecureTransport');
  });
});

describe('functions', () => {
  it('are nodejs22.x on arm64 with the Powertools service names', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(fns).toHaveLength(5);
    for (const fn of fns) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Handler).toBe('index.handler');
    }
    const services = fns.map((f) => f.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).sort();
    expect(services).toEqual(Object.values(SERVICE).sort());
  });

  it("log JSON without Lambda's START/END/REPORT lines (system log level WARN: ~380 B an invocation), application logs at INFO", () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function'));
    for (const fn of fns) {
      expect(fn.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON', SystemLogLevel: 'WARN', ApplicationLogLevel: 'INFO' });
      expect(fn.Properties.Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('INFO');
    }
  });

  it('keeps the segmenter out of the bundles that load it and installs it, built for arm64, into their assets', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    const withSegmenter: string[] = [];
    for (const [id, fn] of Object.entries(functions)) {
      const key = (fn.Properties.Code as { S3Key: string }).S3Key;
      const asset = join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
      const bundle = readFileSync(join(asset, 'index.mjs'), 'utf8');
      // segmenter.ts's require("@node-rs/jieba") stays in the bundle as a call; jieba's own code does not.
      if (!/\("@node-rs\/jieba"\)/.test(bundle)) continue;
      expect(bundle).not.toContain('jieba.linux-x64-gnu.node');
      withSegmenter.push(id.replace(/^Functions/, '').replace(/[0-9A-F]{8}$/, ''));
      const modules = join(asset, 'node_modules/@node-rs');
      expect(readdirSync(modules).sort()).toEqual(['jieba', 'jieba-linux-arm64-gnu']);
      for (const file of ['jieba/index.js', 'jieba/dict.js', 'jieba/dict.txt', 'jieba-linux-arm64-gnu/jieba.linux-arm64-gnu.node']) {
        expect(existsSync(join(modules, file)), file).toBe(true);
      }
      // idf.txt (TF-IDF weights, never read by the normalizer) is shipped empty; the dictionary whole.
      expect(statSync(join(modules, 'jieba/idf.txt')).size).toBe(0);
      expect(statSync(join(modules, 'jieba/dict.txt')).size).toBeGreaterThan(1_000_000);
      // An aarch64 ELF binary: e_machine (offset 18) is 0xB7.
      expect(readFileSync(join(modules, 'jieba-linux-arm64-gnu/jieba.linux-arm64-gnu.node')).readUInt16LE(18)).toBe(0xb7);
    }
    expect(withSegmenter.sort()).toEqual(['Fetch', 'Normalize']);
  });

  it("keeps the second opinion's libraries out of the bundles that hold the normalizer and ships them prebuilt beside it", () => {
    const functions = template.findResources('AWS::Lambda::Function');
    const withSecondOpinion: string[] = [];
    for (const [id, fn] of Object.entries(functions)) {
      const key = (fn.Properties.Code as { S3Key: string }).S3Key;
      const asset = join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
      const bundle = readFileSync(join(asset, 'index.mjs'), 'utf8');
      // second-opinion.ts's require("linkedom") stays a call; linkedom's and Readability's own code is not inlined.
      if (!/\("linkedom"\)/.test(bundle)) continue;
      expect(bundle).not.toContain('_grabArticle');
      expect(bundle).not.toContain('HTMLTemplateElement');
      withSecondOpinion.push(id.replace(/^Functions/, '').replace(/[0-9A-F]{8}$/, ''));
      for (const [pkg, marker] of [['linkedom', 'HTMLTemplateElement'], ['@mozilla/readability', '_grabArticle']] as const) {
        const dir = join(asset, 'node_modules', pkg);
        expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).main).toBe('index.cjs');
        expect(readFileSync(join(dir, 'index.cjs'), 'utf8')).toContain(marker);
      }
    }
    expect(withSecondOpinion.sort()).toEqual(['Fetch', 'Normalize']);
  });

  it('wires the fetch queue to fetch with batches of 20 (a 1 s batching window, which more than 10 need), partial batch responses and a concurrency cap', () => {
    expect(FETCH_BATCH_SIZE).toBe(20);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: FETCH_BATCH_SIZE,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 10 },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('QueuesFetch'), 'Arn'] },
      FunctionName: { Ref: Match.stringLikeRegexp('FunctionsFetch') },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('QueuesNormalize'), 'Arn'] },
      FunctionName: { Ref: Match.stringLikeRegexp('FunctionsNormalize') },
    });
  });
});

describe('least privilege', () => {
  it('backfill cannot write the table or read/write objects; it only queries fetch pointers, lists and enqueues', () => {
    const actions = actionsOf(statementsOf('FunctionsBackfill'));
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:Query']);
    expect(actions).not.toContain('s3:GetObject');
    expect(actions).not.toContain('s3:PutObject');
    expect(actions).toContain('s3:ListBucket');
    expect(actions).toContain('sqs:SendMessage');
  });
  it('normalize cannot write raw pages or fetch pointers, and cannot enqueue', () => {
    const statements = statementsOf('FunctionsNormalize');
    const puts = statements.filter((s) => actionsOf([s]).includes('s3:PutObject'));
    expect(JSON.stringify(puts)).toContain('/bodies/*');
    expect(JSON.stringify(puts)).not.toContain('/raw/');
    expect(JSON.stringify(puts)).not.toContain('/fetches/');
    expect(actionsOf(statements)).not.toContain('sqs:SendMessage');
  });
  it('fetch may put objects only under its prefixes, never bucket-wide', () => {
    const statements = statementsOf('FunctionsFetch');
    const puts = statements.filter((s) => actionsOf([s]).includes('s3:PutObject'));
    const text = JSON.stringify(puts);
    expect(text).toContain('/raw/sha256/*');
    expect(text).not.toContain('/fetches/'); // fetch pointers are table items now
    expect(text).not.toMatch(/Arn"\]\},"\/\*"/); // no "<bucket>/*"
    expect(actionsOf(statements)).not.toContain('s3:DeleteObject');
  });
  it('discover touches no S3 at all', () => {
    expect(actionsOf(statementsOf('FunctionsDiscover')).some((a) => a.startsWith('s3:'))).toBe(false);
  });
  it('the revisit planner only reads the table and enqueues on the fetch queue: no writes, no S3', () => {
    const actions = actionsOf(statementsOf('FunctionsRevisitPlanner'));
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions.filter((a) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
    expect(actions.some((a) => a.startsWith('s3:'))).toBe(false);
    expect(actions).toContain('sqs:SendMessage');
  });
});

describe('schedules', () => {
  it('one schedule per enabled source, with the override applied, retries and a DLQ', () => {
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule'));
    const discovers = schedules.filter((sc) => JSON.stringify(sc.Properties.Target.Arn).includes('FunctionsDiscover'));
    expect(discovers).toHaveLength(1); // only jschina-jsnews is enabled in the registry
    expect(schedules).toHaveLength(2); // and the revisit planner's
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(2 hours)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: {
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('FunctionsDiscover'), 'Arn'] },
        Input: Match.serializedJson({ sourceId: 'jschina-jsnews', scheduledTime: '<aws.scheduler.scheduled-time>' }),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      },
    });
  });
});

describe('revisit schedule', () => {
  it('invokes the revisit planner hourly, with retries and the schedule DLQ', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      Target: {
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('FunctionsRevisitPlanner'), 'Arn'] },
        Input: Match.serializedJson({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      },
    });
  });
});

describe('alarms and outputs', () => {
  it('alarms on every DLQ, every function, and per source staleness with missing data breaching', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(3);
    expect(alarms.filter((a) => a.Properties.MetricName === 'Errors')).toHaveLength(5);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'SourceListed',
      Namespace: 'Jsnews',
      Dimensions: Match.arrayWith([{ Name: 'sourceId', Value: 'jschina-jsnews' }]),
      Period: 4 * 3600, // rate(2 hours) x 2
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'breaching',
    });
  });
  it('exports table, bucket and backfill function names', () => {
    const outputs = template.findOutputs('*');
    for (const name of ['TableName', 'BucketName', 'BackfillFunctionName']) expect(outputs[name]).toBeDefined();
  });
});

describe('cdk-nag', () => {
  it('has no unacknowledged AwsSolutions findings', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    const open = report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.resourceLogicalId).join(',')}`);
    expect(open).toEqual([]);
    const stack = app.node.findChild(stackName) as import('aws-cdk-lib').Stack;
    expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
  });
  it('would catch a violation (the check can fail)', () => {
    const probe = new App();
    const stack = new (require_('aws-cdk-lib').Stack)(probe, 'Probe');
    new (require_('aws-cdk-lib/aws-sqs').Queue)(stack, 'Plain');
    const report = new AwsSolutionsChecks().validateScope(probe);
    expect(report.violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining([expect.stringMatching(/AwsSolutions-SQS/)]));
  });
});

import { createRequire } from 'node:module';
const require_ = createRequire(import.meta.url);
