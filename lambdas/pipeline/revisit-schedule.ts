/**
 * When an article is looked at again: at fixed offsets from its first sighting (default +1 h, +1 d,
 * +3 d, +7 d, +30 d), then every 30 days, counted from the first sighting too, so a late or missed
 * revisit never shifts the ones after it. Pure: the times in, the next time out.
 */
import { DEFAULT_REVISIT_AFTER_HOURS, DEFAULT_REVISIT_EVERY_HOURS, type RevisitPolicy } from '../sites/sources-schema.js';

const HOUR_MS = 60 * 60 * 1000;

export interface Schedule {
  afterHours: readonly number[];
  everyHours: number;
}

export const DEFAULT_SCHEDULE: Schedule = { afterHours: DEFAULT_REVISIT_AFTER_HOURS, everyHours: DEFAULT_REVISIT_EVERY_HOURS };

export function scheduleOf(policy: RevisitPolicy | undefined): Schedule {
  return policy ? { afterHours: policy.afterHours, everyHours: policy.everyHours } : DEFAULT_SCHEDULE;
}

/**
 * The first scheduled revisit strictly after `after`, for an article first seen at `firstSeenAt`.
 * Offsets are sorted here, so a source may list them in any order.
 */
export function nextRevisitAt(firstSeenAt: Date, after: Date, schedule: Schedule = DEFAULT_SCHEDULE): Date {
  const first = firstSeenAt.getTime();
  const t = after.getTime();
  const offsets = [...schedule.afterHours].sort((a, b) => a - b);
  for (const h of offsets) {
    const at = first + h * HOUR_MS;
    if (at > t) return new Date(at);
  }
  const last = first + (offsets.at(-1) ?? 0) * HOUR_MS;
  const every = schedule.everyHours * HOUR_MS;
  const n = Math.floor((t - last) / every) + 1;
  return new Date(last + Math.max(1, n) * every);
}

/**
 * The next revisit after an observation: the schedule's, or sooner when a deletion waits for its
 * confirming sighting (then exactly `confirmAfterMs` later, the earliest time it can confirm).
 */
export function nextVisit(firstSeenAt: Date, now: Date, schedule: Schedule, pendingDeletion: boolean, confirmAfterMs: number): Date {
  const scheduled = nextRevisitAt(firstSeenAt, now, schedule);
  if (!pendingDeletion) return scheduled;
  const confirm = new Date(now.getTime() + confirmAfterMs);
  return confirm < scheduled ? confirm : scheduled;
}
