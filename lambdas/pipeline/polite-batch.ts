/**
 * Per-host politeness without sleeping, over a standard queue (issue 13). A fetch batch mixes hosts: the senders
 * spread each host's messages over DelaySeconds slots (pipeline/work-queue.ts), so one invocation fetches
 * several hosts' pages at once instead of one page per invocation as the FIFO group per host allowed (every
 * page paid its own ReceiveMessage, DeleteMessageBatch, ChangeMessageVisibilityBatch and Lambda request).
 *
 * Two guards, in order:
 *  1. Within a batch (splitForPoliteness): of each host only the first message is handled; the host's later
 *     messages go back to SQS invisible until its lease runs out (a hold and the delay, whole seconds, rounded up).
 *  2. Across containers (holdHost): the handled message takes the host's lease (store/host-lease-dynamodb.ts)
 *     before any request to the host, for a short hold (LEASE_HOLD_MS) plus the delay: nextAt = hold's end +
 *     delay. The lease is never given back: while the host has not answered, a timer extends the hold before it
 *     ends (one more conditional write per LEASE_HOLD_MS − LEASE_EXTEND_LEAD_MS of a slow fetch); once it has
 *     answered (heldFetcher: the work's one fetch returned) the timer stops and the lease runs out by itself at
 *     nextAt. A fetch is one write instead of two (take, give back). If an extension is refused, fails or has
 *     not answered by the end of the hold, the fetch in progress is aborted (its signal): no request of ours is
 *     in flight past the hold, so whoever takes the host at nextAt is a delay after our last. A holder that
 *     died stops extending: the host is free a hold and a delay later. A message whose host is not due goes back
 *     invisible until the lease's nextAt and is reported as a batch item failure. So no two fetches of one host,
 *     in any container, are closer than the delay: a standard queue's duplicate delivery included.
 * A host without a delay (politeness off) takes no lease and has its whole share of the batch handled at once.
 *
 * Every hand-back is a receive, which counts towards the queue's maxReceiveCount (lib/constructs/queues.ts).
 */
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { Fetcher } from '../fetch/types.js';
import type { HostLeaseStore } from '../store/ports.js';

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
export function splitForPoliteness<T>(items: readonly T[], hostOf: (item: T) => string, delayMsOf: (item: T) => number, holdMs = LEASE_HOLD_MS): PoliteSplit<T> {
  const now: T[] = [];
  const later: { item: T; seconds: number }[] = [];
  const deferSeconds = new Map<string, number>();
  for (const item of items) {
    const host = hostOf(item);
    const seconds = deferSeconds.get(host);
    if (seconds === undefined) {
      now.push(item);
      const delayMs = Math.max(0, delayMsOf(item));
      // The host's first message holds its lease for a hold and the delay (holdHost): the later ones come back then.
      deferSeconds.set(host, delayMs > 0 ? visibilitySeconds(holdMs + delayMs) : 0);
    } else if (seconds === 0) {
      now.push(item);
    } else {
      later.push({ item, seconds });
    }
  }
  return { now, later };
}

/**
 * How long one acquire holds a host before it must be extended: what a page takes from the fetch Lambda (the
 * docs' AWS model: the site ~0.3-1 s from us-east-1; the replay server of the cost bench answers in ~10-100 ms
 * under load), so most fetches take the lease once and never extend it. Shorter than the senders' slot work
 * (work-queue.ts FETCH_SLOT_WORK_MS), so the host's next slot finds the lease run out.
 */
export const LEASE_HOLD_MS = 1500;
/**
 * How long before the hold ends the extension is sent: a DynamoDB write takes ~10-30 ms on AWS and up to a few
 * hundred ms on the loaded test machine; an extension that has not answered by the hold's end aborts the fetch.
 */
export const LEASE_EXTEND_LEAD_MS = 500;

export interface HoldOptions {
  /** The host's politeness delay, read when the lease is taken and at each extension (robots.txt may raise it). */
  delayMs: () => number;
  nowMs: () => number;
  /** The hold (default LEASE_HOLD_MS; tests of many short delays use less); its extension is sent at most half a hold early. */
  holdMs?: number;
  /**
   * What this container last learnt of hosts' nextAt (its own acquires, refusals' answers), kept across invocations.
   * nextAt only moves forward, so a host known not due is refused here without a DynamoDB write (a refused
   * conditional write is billed like a granted one).
   */
  known?: Map<string, number>;
  /** Told when an extension fails or is refused; the fetch is then aborted (retryable). */
  onLost?: (err: unknown) => void;
}

/** A host held for one fetch: its stop signal, and `done` once the host has answered (no write: the lease runs out). */
export interface HostHold {
  signal: AbortSignal;
  done(): void;
}

/** Granted: the hold, and the lease's nextAt as taken (the host's next slot, pipeline/work-queue.ts noteHeld). */
export type Held = { granted: true; hold: HostHold; nextAtMs: number } | { granted: false; deferSeconds: number };

/** The reason a hold's fetch is aborted: the host may be another's at the hold's end. */
class LeaseLostError extends JsnewsError {
  constructor(host: string, why: string) {
    super(ErrorCode.Internal, `host lease of ${host} could not be kept (${why}); the fetch was stopped`, true);
  }
}

/**
 * Takes the host's lease for a hold of LEASE_HOLD_MS, extended by a timer until `done`; or says how long to keep
 * the message invisible when the host is not due (until the lease's nextAt, whole seconds, at least 1).
 */
export async function holdHost(lease: HostLeaseStore, host: string, opts: HoldOptions): Promise<Held> {
  const holdMs = opts.holdMs ?? LEASE_HOLD_MS;
  const leadMs = Math.min(LEASE_EXTEND_LEAD_MS, holdMs / 2);
  const startMs = opts.nowMs();
  const nextAtMs = startMs + holdMs + Math.max(0, opts.delayMs());
  const knownAt = opts.known?.get(host) ?? 0;
  if (knownAt > startMs) return { granted: false, deferSeconds: visibilitySeconds(knownAt - startMs) };
  const grant = await lease.acquire(host, startMs, nextAtMs);
  learn(opts.known, host, grant.granted ? nextAtMs : grant.nextAtMs, startMs);
  if (!grant.granted) return { granted: false, deferSeconds: visibilitySeconds(grant.nextAtMs - startMs) };
  // Our requests may run until `heldUntil` (the write's time of sending + the hold: the lease's nextAt is a delay after).
  let heldUntil = startMs + holdMs;
  const controller = new AbortController();
  let extendTimer: ReturnType<typeof setTimeout> | undefined;
  let endTimer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  const stop = (why: string, err?: unknown) => {
    if (finished) return;
    finished = true;
    clearTimeout(extendTimer);
    clearTimeout(endTimer);
    opts.onLost?.(err ?? new Error(why));
    controller.abort(new LeaseLostError(host, why));
  };
  const arm = () => {
    const left = heldUntil - opts.nowMs();
    clearTimeout(endTimer);
    endTimer = setTimeout(() => stop('the extension did not answer before the hold ended'), Math.max(0, left));
    extendTimer = setTimeout(() => void extend(), Math.max(0, left - leadMs));
  };
  const extend = async () => {
    const sentMs = opts.nowMs();
    try {
      const kept = await lease.extend(host, grant.token, sentMs + holdMs + Math.max(0, opts.delayMs()));
      if (finished) return;
      if (!kept) return stop('another holder has it');
      heldUntil = sentMs + holdMs;
      arm();
    } catch (err) {
      stop('the extension failed', err);
    }
  };
  arm();
  return {
    granted: true,
    nextAtMs,
    hold: {
      signal: controller.signal,
      done: () => {
        if (finished) return;
        finished = true;
        clearTimeout(extendTimer);
        clearTimeout(endTimer);
      },
    },
  };
}

/** Past this many hosts known, the ones already due are forgotten (the map stays the size of the hosts in play). */
const KNOWN_HOSTS_PRUNE_AT = 10_000;

function learn(known: Map<string, number> | undefined, host: string, nextAtMs: number, nowMs: number): void {
  if (!known) return;
  if (known.size >= KNOWN_HOSTS_PRUNE_AT) for (const [h, at] of known) if (at <= nowMs) known.delete(h);
  known.set(host, Math.max(known.get(host) ?? 0, nextAtMs));
}

/**
 * The fetcher of an invocation whose work items hold their hosts: each URL's one fetch call runs under its hold
 * (aborted with it) and ends the hold's extensions when it returns (`holdOf` hands the hold over once; a URL of
 * a host without a delay needs none). A fetch without a hold would run outside the lease, so it is refused
 * (retryable: the message comes back and takes the lease again).
 */
export function heldFetcher(fetcher: Fetcher, holdOf: (url: string) => HostHold | 'none' | undefined): Fetcher {
  return {
    ...fetcher,
    fetch: async (url, conditional) => {
      const hold = holdOf(url);
      if (hold === 'none') return fetcher.fetch(url, conditional);
      if (!hold) throw new JsnewsError(ErrorCode.Internal, `a fetch of ${url} without its host's lease (a second fetch in one work item?) would be impolite`, true);
      try {
        return await fetcher.fetch(url, conditional, hold.signal);
      } finally {
        hold.done();
      }
    },
  };
}
