/**
 * Where fan-out work goes. The port keeps handlers testable without SQS. The fetch queue is a standard queue
 * (issue 13): a batch mixes hosts, and the senders spread each host's messages over DelaySeconds slots, one
 * slot per (host delay + FETCH_SLOT_WORK_MS), so a host's messages reach the fetch Lambdas about when the
 * host's lease (pipeline/polite-batch.ts) will take them, instead of all at once to be handed back. A slot past
 * SQS's 900 s DelaySeconds bound is sent with 900 s and a `notBefore`: the fetch Lambda hands it back until
 * then (a later wave) without touching the lease. The slots continue across sends of one container (a list
 * page's articles after the previous page's); sends of other containers are not known, the lease orders those.
 */
import type { QueueTransport } from '../store/ports.js';
import type { FetchWork, NormalizeWork } from './work-items.js';

export interface WorkQueue {
  sendFetch(items: readonly FetchWork[]): Promise<void>;
  sendNormalize(items: readonly NormalizeWork[]): Promise<void>;
  /** Hands received fetch messages back, invisible for `seconds` (per-host politeness, pipeline/polite-batch.ts). */
  deferFetch(receiptHandles: readonly string[], seconds: number): Promise<void>;
  /**
   * This container holds `host` until `untilMs` (it took the host's lease, pipeline/polite-batch.ts): the host's
   * next slot starts there, so what a list page sends for its own host is not refused by the list's lease. A queue
   * that does not slot ignores it.
   */
  noteHeld?(host: string, untilMs: number): void;
}

/** SQS's upper bound on DelaySeconds. */
export const MAX_DELAY_SECONDS = 900;
/**
 * What one message holds its host for besides the delay: the lease's hold (pipeline/polite-batch.ts
 * LEASE_HOLD_MS, 1.5 s: the lease is not given back when the fetch ends, it runs out) and how late a message is
 * handled after its slot (the event source mapping gathers a batch for up to its window; a batch waits for a
 * free container). A slot shorter than that meets the lease not yet run out: a refused acquire is billed as a
 * write, then a hand-back and a receive, and the message lands on a later slot of its host. Cost bench, 20 hosts
 * at the registry's 2 s delay, hold 1.5 s: 2,000 ms gave 0.3-0.6 refusals a page under load (batches handled
 * ~0.5-1.5 s after their slot), 3,000 ms see docs/cost-model.md.
 */
export const FETCH_SLOT_WORK_MS = 3000;
const MS_PER_SECOND = 1000;

export interface SlotOptions {
  /** The configured politeness delay of a URL's host (0: none known, no slots). */
  delayMsOf: (url: string) => number;
  nowMs?: () => number;
}

/** The fetch message of a work item: its body and, for a host with a delay, its slot. */
interface Slotted {
  body: string;
  delaySeconds?: number;
}

/** Gives each item of a host the next slot of that host (`nextSlotAt`, epoch ms, kept across calls). */
export function slotFetchWork(items: readonly FetchWork[], opts: SlotOptions, nextSlotAt: Map<string, number>): Slotted[] {
  const now = (opts.nowMs ?? Date.now)();
  return items.map((item) => {
    const delayMs = opts.delayMsOf(item.url);
    if (delayMs <= 0) return { body: JSON.stringify(item) };
    const host = new URL(item.url).host;
    const slotSeconds = Math.ceil((delayMs + FETCH_SLOT_WORK_MS) / MS_PER_SECOND);
    const at = Math.max(now, nextSlotAt.get(host) ?? 0);
    nextSlotAt.set(host, at + slotSeconds * MS_PER_SECOND);
    // Rounded up: a slot is never sent earlier than its time (a hold noted mid-second would be met still held).
    const waitSeconds = Math.ceil((at - now) / MS_PER_SECOND);
    if (waitSeconds <= MAX_DELAY_SECONDS) return { body: JSON.stringify(item), delaySeconds: waitSeconds };
    return { body: JSON.stringify({ ...item, notBefore: at }), delaySeconds: MAX_DELAY_SECONDS };
  });
}

export function workQueueOver(transport: QueueTransport, slots?: SlotOptions): WorkQueue {
  const nextSlotAt = new Map<string, number>();
  return {
    sendFetch: (items) => transport.send('fetch', slots ? slotFetchWork(items, slots, nextSlotAt) : items.map((item) => ({ body: JSON.stringify(item) }))),
    sendNormalize: (items) => transport.send('normalize', items.map((item) => ({ body: JSON.stringify(item) }))),
    deferFetch: (receiptHandles, seconds) => transport.defer('fetch', receiptHandles, seconds),
    noteHeld: (host, untilMs) => void nextSlotAt.set(host, Math.max(nextSlotAt.get(host) ?? 0, untilMs)),
  };
}
