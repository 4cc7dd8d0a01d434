/**
 * Normalize on worker threads for the in-process runs (issue 13: normalize was 8.0 of the 13.9 s the pipeline's one
 * JS thread was busy in bench:pipeline, the thread 98 % busy: the run's critical path). Each worker
 * (normalize-thread.ts) loads the normalizer once and answers requests in the order sent; the page bytes are copied
 * to it (the caller still archives them) and the record comes back by structured clone, the same plain JSON the
 * normalizer made. A normalizer error comes back as the JsnewsError it was (code, message, retryable). A worker that
 * stops (a crash, out of memory) fails the requests it held (INTERNAL, retryable) and the next request starts a new one.
 *
 * Run from source (tsx), a worker does not get tsx's loader through execArgv (node rejects the .ts entry), so it
 * registers tsx's ESM API itself before importing the entry; the built code starts the .js entry directly.
 */
import { Worker } from 'node:worker_threads';
import { ErrorCode, JsnewsError, type ErrorCodeValue } from '../contract/errors.js';
import type { NewsRecord, PageContext } from '../contract/record.js';

export interface NormalizeRequest {
  id: number;
  bytes: Uint8Array;
  ctx: PageContext;
}
export type NormalizeReply = { id: number; record: NewsRecord } | { id: number; error: { code: ErrorCodeValue; message: string; retryable: boolean } };

export interface NormalizePool {
  normalize(bytes: Uint8Array, ctx: PageContext): Promise<NewsRecord>;
  /** Ends every worker (requests still held are failed). */
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  held: Map<number, { resolve: (r: NewsRecord) => void; reject: (e: unknown) => void }>;
}

function startWorker(): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './normalize-thread.ts' : './normalize-thread.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return new Worker(entry);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, execArgv: [] });
}

/** `threads` workers (at least 1); each request goes to the one holding the fewest. */
export function createNormalizePool(threads: number): NormalizePool {
  const slots: (Slot | null)[] = Array.from({ length: Math.max(1, threads) }, () => null);
  let nextId = 0;
  let closed = false;
  const open = (k: number): Slot => {
    const slot: Slot = { worker: startWorker(), held: new Map() };
    let stopped: unknown = null;
    slot.worker.on('message', (reply: NormalizeReply) => {
      const waiter = slot.held.get(reply.id);
      if (!waiter) return;
      slot.held.delete(reply.id);
      if ('record' in reply) waiter.resolve(reply.record);
      else waiter.reject(new JsnewsError(reply.error.code, reply.error.message, reply.error.retryable));
    });
    slot.worker.on('error', (err) => (stopped = err));
    slot.worker.on('exit', (code) => {
      if (slots[k] === slot) slots[k] = null;
      const why = stopped instanceof Error ? stopped.message : `exit code ${code}`;
      for (const waiter of slot.held.values()) waiter.reject(new JsnewsError(ErrorCode.Internal, `the normalizer thread stopped: ${why}`, true));
      slot.held.clear();
    });
    slots[k] = slot;
    return slot;
  };
  return {
    normalize(bytes, ctx) {
      if (closed) return Promise.reject(new JsnewsError(ErrorCode.Internal, 'the normalizer pool is closed'));
      let k = 0;
      for (let j = 1; j < slots.length; j++) if ((slots[j]?.held.size ?? 0) < (slots[k]?.held.size ?? 0)) k = j;
      const slot = slots[k] ?? open(k);
      const id = nextId++;
      return new Promise<NewsRecord>((resolve, reject) => {
        slot.held.set(id, { resolve, reject });
        slot.worker.postMessage({ id, bytes, ctx } satisfies NormalizeRequest);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s?.worker.terminate()));
    },
  };
}
