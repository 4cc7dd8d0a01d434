/**
 * Which sources the stack schedules, and how often: the registry (lambdas/sites/) or a `-c sources=`
 * file, with `-c schedules=` overrides applied. Also turns a schedule into the longest gap between
 * two runs, which sizes each source's "produced nothing" alarm.
 */
import { ScheduleExpression, loadSources, type Source } from '../lambdas/sites/index.js';
import { ErrorCode, JsnewsError } from '../lambdas/contract/errors.js';
import type { StackConfig } from './stack-config.js';

/** Override value that unschedules a source without editing the registry. */
export const SCHEDULE_OFF = 'off';

export interface ScheduledSource {
  id: string;
  name: string;
  hosts: string[];
  /** EventBridge Scheduler expression, after overrides. */
  schedule: string;
  /** Longest gap between two runs of `schedule`, in seconds. */
  intervalSeconds: number;
}

const SECONDS = { minute: 60, hour: 3600, day: 86400 } as const;
const DAY_SECONDS = SECONDS.day;
const RATE = /^rate\((\d+) (minute|hour|day)s?\)$/;
const CRON = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/;

/** Enabled sources with their effective schedules. Overrides naming an unknown source are an error. */
export function scheduledSources(config: Pick<StackConfig, 'sources' | 'schedules'>): ScheduledSource[] {
  const sources = loadSources(config.sources);
  const known = new Set(sources.map((s) => s.id));
  for (const id of Object.keys(config.schedules)) {
    if (!known.has(id)) throw new JsnewsError(ErrorCode.InvalidArgument, `schedules override names unknown source "${id}"`);
  }
  return sources.flatMap((source) => {
    const schedule = effectiveSchedule(source, config.schedules[source.id]);
    if (!source.enabled || schedule === SCHEDULE_OFF) return [];
    return [{ id: source.id, name: source.name, hosts: source.hosts, schedule, intervalSeconds: scheduleIntervalSeconds(schedule) }];
  });
}

function effectiveSchedule(source: Source, override: string | undefined): string {
  if (override === undefined) return source.schedule;
  if (override === SCHEDULE_OFF) return SCHEDULE_OFF;
  const parsed = ScheduleExpression.safeParse(override);
  if (!parsed.success) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `schedules.${source.id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return override;
}

/**
 * Longest gap between two runs of a schedule, in seconds. `rate()` is exact. For `cron()` we read
 * the minute and hour fields (`*`, `*\/n`, `a-b`, lists); a cron restricted to some days is taken
 * as daily, which only makes its staleness alarm more eager, never blind.
 */
export function scheduleIntervalSeconds(expression: string): number {
  const rate = RATE.exec(expression);
  if (rate) return Number(rate[1]) * SECONDS[rate[2] as keyof typeof SECONDS];
  const cron = CRON.exec(expression);
  if (!cron) throw new JsnewsError(ErrorCode.InvalidArgument, `not a schedule expression: ${expression}`);
  const minutes = cronValues(cron[1]!, 60);
  const hours = cronValues(cron[2]!, 24);
  const daily: number[] = [];
  for (const h of hours) for (const m of minutes) daily.push(h * 3600 + m * 60);
  return maxCircularGap(daily, DAY_SECONDS);
}

/** The values a cron field selects within [0, size). */
function cronValues(field: string, size: number): number[] {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let [from, to] = [0, size - 1];
    if (range !== '*' && range !== undefined) {
      const [a, b] = range.split('-').map(Number);
      from = a ?? 0;
      to = b ?? (stepText ? size - 1 : from);
    }
    if (![from, to, step].every(Number.isInteger) || step < 1) {
      throw new JsnewsError(ErrorCode.InvalidArgument, `cron field "${field}" is not supported for interval estimation`);
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** Largest gap between consecutive points on a circle of length `period` (the wrap-around counts). */
function maxCircularGap(points: number[], period: number): number {
  const sorted = [...points].sort((a, b) => a - b);
  let gap = sorted[0]! + period - sorted[sorted.length - 1]!;
  for (let i = 1; i < sorted.length; i++) gap = Math.max(gap, sorted[i]! - sorted[i - 1]!);
  return gap;
}
