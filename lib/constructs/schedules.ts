/**
 * One EventBridge Scheduler schedule per enabled source, invoking discover with `{sourceId}`, and one
 * hourly schedule invoking the revisit planner (change tracking). Failed deliveries are retried by
 * Scheduler, then parked in the schedule DLQ.
 */
import { type CfnElement, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNag } from '../nag.js';
import type { ScheduledSource } from '../sources.js';

/** Scheduler retries a failed invoke (throttling, Lambda errors) this many times before the DLQ. */
export const SCHEDULE_RETRY_ATTEMPTS = 3;
/** An invoke older than this is stale: the next scheduled run is better than a late one. */
export const SCHEDULE_MAX_EVENT_AGE = Duration.hours(1);
/** cron() fields are read in China time: the sites publish on it. rate() ignores the zone. */
export const SCHEDULE_TIME_ZONE = TimeZone.ASIA_SHANGHAI;

/**
 * How often the revisit planner looks for due revisits. The shortest default revisit offset is +1 h after the first
 * sighting (pipeline/revisit-schedule.ts), so an hourly plan keeps every revisit within an hour of its due time.
 */
export const REVISIT_PLAN_RATE = Duration.hours(1);

export interface SourceSchedulesProps {
  sources: ScheduledSource[];
  discover: lambda.IFunction;
  revisitPlanner: lambda.IFunction;
  deadLetterQueue: sqs.IQueue;
  stage: string;
}

export class SourceSchedules extends Construct {
  readonly schedules = new Map<string, scheduler.Schedule>();
  readonly revisitSchedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: SourceSchedulesProps) {
    super(scope, id);
    const group = new scheduler.ScheduleGroup(this, 'Group', { scheduleGroupName: `jsnews-${props.stage}` });
    for (const source of props.sources) {
      const target = new targets.LambdaInvoke(props.discover, {
        input: scheduler.ScheduleTargetInput.fromObject({
          sourceId: source.id,
          scheduledTime: scheduler.ContextAttribute.scheduledTime,
        }),
        retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
        maxEventAge: SCHEDULE_MAX_EVENT_AGE,
        deadLetterQueue: props.deadLetterQueue,
      });
      const schedule = new scheduler.Schedule(this, `Source-${source.id}`, {
        schedule: scheduler.ScheduleExpression.expression(source.schedule, SCHEDULE_TIME_ZONE),
        target,
        scheduleGroup: group,
        description: `discover ${source.id} (${source.name})`,
      });
      this.schedules.set(source.id, schedule);
    }
    this.revisitSchedule = new scheduler.Schedule(this, 'RevisitPlanner', {
      schedule: scheduler.ScheduleExpression.rate(REVISIT_PLAN_RATE),
      target: new targets.LambdaInvoke(props.revisitPlanner, {
        input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
        retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
        maxEventAge: SCHEDULE_MAX_EVENT_AGE,
        deadLetterQueue: props.deadLetterQueue,
      }),
      scheduleGroup: group,
      description: 'plan due revisits of tracked articles (change tracking)',
    });
    // The L2 target role (one per target function, created at stack level) may invoke the function's versions/aliases.
    const stack = Stack.of(this);
    for (const fn of [props.discover, props.revisitPlanner]) {
      const fnId = stack.getLogicalId(fn.node.defaultChild as CfnElement);
      acknowledgeNag(
        stack,
        `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
        'An EventBridge Scheduler role may invoke only its one target function (and its versions/aliases, the :* suffix); nothing else.',
      );
    }
  }
}
