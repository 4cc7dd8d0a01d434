/**
 * Per-host politeness without sleeping in the fetch Lambda (issue 13: the crawl delay slept between two pages of
 * one host was the largest line of the bill, 1.6 s of billed sleep per page at 2 s delays, USD 10.7 per
 * million pages at 512 MB). A fetch batch holds messages of FIFO groups (one group per host). Of each group
 * only the first message is handled now; the group's later messages are handed back to SQS, invisible for
 * the host's delay (ChangeMessageVisibility, whole seconds, rounded up). Because a FIFO group delivers
 * nothing while one of its messages is in flight, no consumer anywhere can fetch that host again before the
 * delay has passed: politeness holds across containers too (before, the next batch of a host could start in
 * another container with no gap at all). Order within the host is kept: the deferred messages come back
 * first, in order. A host without a delay (politeness off) has its whole group handled at once.
 *
 * A deferred message is received again, which counts towards the queue's maxReceiveCount: a message is
 * deferred at most FETCH_BATCH_SIZE - 1 times (it is handled once it is first in its group's batch), so the
 * fetch queue's redrive count is raised by that much (lib/constructs/queues.ts).
 */

/** SQS visibility timeouts are whole seconds. A sub-second delay rounds up: never less polite than configured. */
const MS_PER_SECOND = 1000;
/** ChangeMessageVisibility's upper bound (12 hours); fetcher Crawl-delays are capped far below it (60 s). */
export const MAX_VISIBILITY_SECONDS = 12 * 60 * 60;

export interface PoliteSplit<T> {
  now: T[];
  /** Deferred messages with the seconds each stays invisible, in batch order. */
  later: { item: T; seconds: number }[];
}

/**
 * Splits a FIFO batch (in delivery order) into what to handle now and what to defer. `groupOf` is the message's
 * FIFO group; `delayMsOf` the politeness delay of its host (read for the group's first message).
 */
export function splitForPoliteness<T>(items: readonly T[], groupOf: (item: T) => string, delayMsOf: (item: T) => number): PoliteSplit<T> {
  const now: T[] = [];
  const later: { item: T; seconds: number }[] = [];
  const deferSeconds = new Map<string, number>();
  for (const item of items) {
    const group = groupOf(item);
    const seconds = deferSeconds.get(group);
    if (seconds === undefined) {
      now.push(item);
      const delayMs = Math.max(0, delayMsOf(item));
      deferSeconds.set(group, delayMs > 0 ? Math.min(MAX_VISIBILITY_SECONDS, Math.ceil(delayMs / MS_PER_SECOND)) : 0);
    } else if (seconds === 0) {
      now.push(item);
    } else {
      later.push({ item, seconds });
    }
  }
  return { now, later };
}
