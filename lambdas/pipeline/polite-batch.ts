/**
 * Per-host politeness without sleeping, over a standard queue (issue 13). A fetch batch mixes hosts: the senders
 * spread each host's messages over DelaySeconds slots (pipeline/work-queue.ts), so one invocation fetches
 * several hosts' pages at once instead of one page per invocation as the FIFO group per host allowed (every
 * page paid its own ReceiveMessage, DeleteMessageBatch, ChangeMessageVisibilityBatch and Lambda request).
 *
 * Two guards, in order:
 *  1. Within a batch (splitForPoliteness): of each host only the first message is handled; the host's later
 *     messages go back to SQS invisible for the host's delay (whole seconds, rounded up).
 *  2. Across containers (underHostLease): the handled message takes the host's lease (store/host-lease-dynamodb.ts)
 *     before any request to the host. The lease is held until the invocation must have ended (its remaining
 *     time) plus the delay, and released when the work ends with nextAt = end + the host's delay. A message
 *     whose host is held or not due is not handled: it goes back invisible until the lease's nextAt (while
 *     another fetch holds the host: for one delay, by when that fetch has usually ended and released), and is
 *     reported as a batch item failure. So no two fetches of one host, in any container, are closer than the
 *     delay: a standard queue's duplicate delivery included.
 * A host without a delay (politeness off) takes no lease and has its whole share of the batch handled at once.
 *
 * Every hand-back is a receive, which counts towards the queue's maxReceiveCount (lib/constructs/queues.ts).
 */
import type { HostLeaseStore, LeaseGrant } from '../store/ports.js';

/** SQS visibility timeouts are whole seconds. A sub-second delay rounds up: never less polite than configured. */
const MS_PER_SECOND = 1000;
/** ChangeMessageVisibility's upper bound (12 hours); fetcher Crawl-delays are capped far below it (60 s). */
export const MAX_VISIBILITY_SECONDS = 12 * 60 * 60;

/** Whole seconds of invisibility for a wait of `ms`: rounded up, at least 1, at most SQS's bound. */
export function visibilitySeconds(ms: number): number {
  return Math.min(MAX_VISIBILITY_SECONDS, Math.max(1, Math.ceil(ms / MS_PER_SECOND)));
}

export interface PoliteSplit<T> {
  now: T[];
  /** Deferred messages with the seconds each stays invisible, in batch order. */
  later: { item: T; seconds: number }[];
}

/**
 * Splits a batch into what to handle now and what to defer. `hostOf` is the message's host; `delayMsOf` the
 * politeness delay of its host (read for the host's first message).
 */
export function splitForPoliteness<T>(items: readonly T[], hostOf: (item: T) => string, delayMsOf: (item: T) => number): PoliteSplit<T> {
  const now: T[] = [];
  const later: { item: T; seconds: number }[] = [];
  const deferSeconds = new Map<string, number>();
  for (const item of items) {
    const host = hostOf(item);
    const seconds = deferSeconds.get(host);
    if (seconds === undefined) {
      now.push(item);
      const delayMs = Math.max(0, delayMsOf(item));
      deferSeconds.set(host, delayMs > 0 ? visibilitySeconds(delayMs) : 0);
    } else if (seconds === 0) {
      now.push(item);
    } else {
      later.push({ item, seconds });
    }
  }
  return { now, later };
}

export interface LeaseOptions {
  /** The host's politeness delay, read when the lease is taken and again when it is given back (robots.txt may raise it). */
  delayMs: () => number;
  /** How long the work can run at most (the invocation's remaining time): the hold ends by itself after it. */
  budgetMs: number;
  nowMs: () => number;
  /** Told when the release write fails; the hold then ends by itself (polite, only later). */
  onReleaseError?: (err: unknown) => void;
}

export type Leased<T> = { ran: true; value: T } | { ran: false; deferSeconds: number };

/** Runs `work` holding the host's lease, or says how long to keep the message invisible when the host is not free. */
export async function underHostLease<T>(lease: HostLeaseStore, host: string, opts: LeaseOptions, work: () => Promise<T>): Promise<Leased<T>> {
  const startMs = opts.nowMs();
  const delayMs = Math.max(0, opts.delayMs());
  const grant = await lease.acquire(host, startMs, startMs + opts.budgetMs + delayMs);
  if (!grant.granted) return { ran: false, deferSeconds: refusalSeconds(grant, startMs, delayMs) };
  try {
    return { ran: true, value: await work() };
  } finally {
    try {
      await lease.release(host, grant.token, opts.nowMs() + Math.max(0, opts.delayMs()));
    } catch (err) {
      opts.onReleaseError?.(err);
    }
  }
}

/** Until the lease's nextAt; while another fetch holds the host, one delay (it has usually ended and released by then). */
function refusalSeconds(grant: Extract<LeaseGrant, { granted: false }>, nowMs: number, delayMs: number): number {
  const waitMs = grant.nextAtMs - nowMs;
  return visibilitySeconds(grant.held ? Math.min(waitMs, delayMs) : waitMs);
}
