/**
 * Alarms and the dashboard. Alarms (what each means is in docs/deploy.md):
 * - <queue>DlqNotEmpty: a message was dead-lettered (max 1 over 5 minutes).
 * - <fn>Errors: an invocation crashed (not a per-record failure, which is a metric instead).
 * - SourceStale-<id>: a source's discover runs listed no article links for longer than its schedule
 *   allows, or did not run at all (missing data counts as breaching).
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DIMENSION, METRIC, METRICS_NAMESPACE, SERVICE } from '../../lambdas/contract/metric-names.js';
import type { ScheduledSource } from '../sources.js';

/** How many schedule intervals may pass without output before a source is stale: one missed run is tolerated. */
export const STALE_AFTER_INTERVALS = 2;
/** Never alarm on a window shorter than this (scheduler jitter, cold starts). */
export const MIN_STALE_WINDOW_SECONDS = 300;
/** CloudWatch: periods are multiples of 60 s. */
const PERIOD_GRANULARITY_SECONDS = 60;
/** Longest single alarm period we use; longer windows become several daily periods. */
const MAX_PERIOD_SECONDS = 86_400;
/** CloudWatch caps period x evaluationPeriods at 7 days (1 day when the period is under an hour). */
const MAX_EVALUATION_PERIODS = 7;
/** Window of the DLQ and error alarms. */
const OPS_ALARM_PERIOD = Duration.minutes(5);

export interface StaleWindow {
  periodSeconds: number;
  evaluationPeriods: number;
}

/** The alarm window for a source whose schedule runs at most every `intervalSeconds`. */
export function staleAlarmWindow(intervalSeconds: number): StaleWindow {
  const wanted = Math.max(intervalSeconds * STALE_AFTER_INTERVALS, MIN_STALE_WINDOW_SECONDS);
  const rounded = Math.ceil(wanted / PERIOD_GRANULARITY_SECONDS) * PERIOD_GRANULARITY_SECONDS;
  if (rounded <= MAX_PERIOD_SECONDS) return { periodSeconds: rounded, evaluationPeriods: 1 };
  return { periodSeconds: MAX_PERIOD_SECONDS, evaluationPeriods: Math.min(Math.ceil(rounded / MAX_PERIOD_SECONDS), MAX_EVALUATION_PERIODS) };
}

export interface MonitoringProps {
  stage: string;
  sources: ScheduledSource[];
  functions: { name: string; fn: lambda.IFunction }[];
  deadLetterQueues: { name: string; queue: sqs.IQueue }[];
  workQueues: { name: string; queue: sqs.IQueue }[];
}

export class Monitoring extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    for (const { name, queue } of props.deadLetterQueues) this.alarms.push(dlqAlarm(this, name, queue));
    for (const { name, fn } of props.functions) this.alarms.push(errorsAlarm(this, name, fn));
    for (const source of props.sources) this.alarms.push(staleAlarm(this, source));
    this.dashboard = buildDashboard(this, props, this.alarms);
  }
}

function dlqAlarm(scope: Construct, name: string, queue: sqs.IQueue): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, `${name}DlqNotEmpty`, {
    alarmDescription: `Messages in the ${name} dead-letter queue: work failed ${name === 'schedule' ? 'to be delivered by EventBridge Scheduler' : 'all its retries'}. Inspect and redrive (docs/deploy.md).`,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: OPS_ALARM_PERIOD, statistic: cloudwatch.Stats.MAXIMUM }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

function errorsAlarm(scope: Construct, name: string, fn: lambda.IFunction): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, `${name}Errors`, {
    alarmDescription: `The ${name} Lambda threw (crash, timeout or invalid event), not a per-record failure. See its log group.`,
    metric: fn.metricErrors({ period: OPS_ALARM_PERIOD, statistic: cloudwatch.Stats.SUM }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

export function sourceListedMetric(sourceId: string, period: Duration): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: METRIC.sourceListed,
    dimensionsMap: { [DIMENSION.service]: SERVICE.discover, [DIMENSION.sourceId]: sourceId },
    statistic: cloudwatch.Stats.SUM,
    period,
  });
}

function staleAlarm(scope: Construct, source: ScheduledSource): cloudwatch.Alarm {
  const window = staleAlarmWindow(source.intervalSeconds);
  return new cloudwatch.Alarm(scope, `SourceStale-${source.id}`, {
    alarmDescription:
      `Source ${source.id} (${source.name}, ${source.schedule}) listed no article links for ` +
      `${window.periodSeconds * window.evaluationPeriods} s: discover did not run, failed, or the list pages changed/blocked us.`,
    metric: sourceListedMetric(source.id, Duration.seconds(window.periodSeconds)),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: window.evaluationPeriods,
    datapointsToAlarm: window.evaluationPeriods,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
  });
}

function pipelineMetric(service: string, metricName: string, statistic: string = cloudwatch.Stats.SUM): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { [DIMENSION.service]: service },
    statistic,
    period: OPS_ALARM_PERIOD,
    label: `${metricName} (${service.replace('jsnews-', '')})`,
  });
}

function failuresByReason(): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: `SEARCH('{${METRICS_NAMESPACE},${DIMENSION.service},${DIMENSION.reason}} MetricName="${METRIC.failed}"', 'Sum', 300)`,
    label: 'failed by reason',
    period: OPS_ALARM_PERIOD,
  });
}

function queueDepth(queue: sqs.IQueue, label: string): cloudwatch.Metric {
  return queue.metricApproximateNumberOfMessagesVisible({ label, statistic: cloudwatch.Stats.MAXIMUM });
}

function buildDashboard(scope: Construct, props: MonitoringProps, alarms: cloudwatch.Alarm[]): cloudwatch.Dashboard {
  const ingest = [SERVICE.fetch, SERVICE.normalize];
  const dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', { dashboardName: `jsnews-${props.stage}` });
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'Records: fetched / new / updated / unchanged',
      left: ingest.flatMap((s) => [METRIC.fetched, METRIC.new, METRIC.updated, METRIC.unchanged].map((m) => pipelineMetric(s, m))),
      width: 12,
    }),
    new cloudwatch.GraphWidget({ title: 'Failures by reason', left: [failuresByReason()], width: 12 }),
  );
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'Latency per item (ms, p50 / p90)',
      left: ingest.flatMap((s) => [pipelineMetric(s, METRIC.latency, 'p50'), pipelineMetric(s, METRIC.latency, 'p90')]),
      width: 12,
    }),
    new cloudwatch.GraphWidget({
      title: 'Links listed per source (discover)',
      left: props.sources.map((s) => sourceListedMetric(s.id, Duration.hours(1))),
      width: 12,
    }),
  );
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'Lambda errors / throttles',
      left: props.functions.flatMap(({ fn }) => [fn.metricErrors(), fn.metricThrottles()]),
      width: 12,
    }),
    new cloudwatch.GraphWidget({
      title: 'Queue depth (work and dead letters)',
      left: props.workQueues.map(({ name, queue }) => queueDepth(queue, `${name} queue`)),
      right: props.deadLetterQueues.map(({ name, queue }) => queueDepth(queue, `${name} DLQ`)),
      width: 12,
    }),
  );
  dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms, width: 24 }));
  return dashboard;
}
