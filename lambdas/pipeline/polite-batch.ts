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
 *     time) plus the delay, and released as soon as the host has answered (leasedFetcher: the work's one fetch
 *     call returned; archiving, normalizing and storing need no host) with nextAt = then + the host's delay. A message
 *     whose host is held or not due is not handled: it goes back invisible until the lease's nextAt (while
 *     another fetch holds the host: for one delay, by when that fetch has usually ended and released), and is
 *     reported as a batch item failure. So no two fetches of one host, in any container, are closer than the
 *     delay: a standard queue's duplicate delivery included.
 * A host without a delay (politeness off) takes no lease and has its whole share of the batch handled at once.
 *
 * Every hand-back is a receive, which counts towards the queue's maxReceiveCount (lib/constructs/queues.ts).
 */
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { Fetcher } from '../fetch/types.js';
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

/**
 * Runs `work` holding the host's lease, or says how long to keep the message invisible when the host is not free.
 * `work` gets `release` to give the lease back early (once the host has answered); it is given back at the end otherwise.
 */
export async function underHostLease<T>(lease: HostLeaseStore, host: string, opts: LeaseOptions, work: (release: () => Promise<void>) => Promise<T>): Promise<Leased<T>> {
  const startMs = opts.nowMs();
  const delayMs = Math.max(0, opts.delayMs());
  const grant = await lease.acquire(host, startMs, startMs + opts.budgetMs + delayMs);
  if (!grant.granted) return { ran: false, deferSeconds: refusalSeconds(grant, startMs, delayMs) };
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    try {
      await lease.release(host, grant.token, opts.nowMs() + Math.max(0, opts.delayMs()));
    } catch (err) {
      opts.onReleaseError?.(err);
    }
  };
  try {
    return { ran: true, value: await work(release) };
  } finally {
    await release();
  }
}

/**
 * The fetcher a leased work item uses: its fetch call gives the host's lease back when it returns (a work item
 * makes one: pipeline/fetch-work.ts). A second call would run outside the lease, so it is refused (retryable:
 * the message comes back and takes the lease again).
 */
export function leasedFetcher(fetcher: Fetcher, release: () => Promise<void>): Fetcher {
  let calls = 0;
  return {
    ...fetcher,
    fetch: async (url, conditional) => {
      if (calls++ > 0) throw new JsnewsError(ErrorCode.Internal, `a second fetch (${url}) in one work item would run outside the host's lease`, true);
      try {
        return await fetcher.fetch(url, conditional);
      } finally {
        await release();
      }
    },
  };
}

/** Until the lease's nextAt; while another fetch holds the host, one delay (it has usually ended and released by then). */
function refusalSeconds(grant: Extract<LeaseGrant, { granted: false }>, nowMs: number, delayMs: number): number {
  const waitMs = grant.nextAtMs - nowMs;
  return visibilitySeconds(grant.held ? Math.min(waitMs, delayMs) : waitMs);
}
