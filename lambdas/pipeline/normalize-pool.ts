/**
 * Normalize on worker threads. normalize() is CPU-bound and synchronous: on the event loop it stalls
 * every in-flight fetch and store request for its whole run. A small pool moves it off the loop;
 * requests queue when every worker is busy. Errors come back as JsnewsError with the same code,
 * message and retryability as an in-process call. Used by the CLI (`jsnews run`, `backfill`,
 * `reprocess`); Lambda handlers process one page at a time and call normalize() directly.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { JsnewsError, type ErrorCodeValue } from '../normalize/errors.js';
import type { NewsRecord, PageContext } from '../normalize/record/schema.js';

/**
 * Workers by default: one per core beyond the event loop's, at least one. Measured with
 * `npm run bench:pipeline -- --workers N` on 2 cores (see docs/table-design.md "Throughput").
 */
export const DEFAULT_NORMALIZE_WORKERS = Math.max(1, availableParallelism() - 1);

export interface NormalizeRequest {
  id: number;
  bytes: Uint8Array;
  ctx: PageContext;
}

export type NormalizeResponse =
  | { id: number; ok: true; record: NewsRecord }
  | { id: number; ok: false; error: { code: ErrorCodeValue; message: string; retryable: boolean } };

export interface NormalizePool {
  normalize(bytes: Uint8Array, ctx: PageContext): Promise<NewsRecord>;
  close(): Promise<void>;
}

interface Pending {
  resolve(record: NewsRecord): void;
  reject(err: Error): void;
}

/** The worker script next to this module: `.ts` when run from source (tsx), `.js` when compiled. */
function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./normalize-worker${ext}`, import.meta.url);
}

export function createNormalizePool(options: { size?: number } = {}): NormalizePool {
  const size = options.size ?? DEFAULT_NORMALIZE_WORKERS;
  const idle: Worker[] = [];
  const queue: { req: NormalizeRequest; pending: Pending }[] = [];
  const inFlight = new Map<Worker, Map<number, Pending>>();
  let nextId = 1;
  let closed = false;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const { req, pending } = queue.shift()!;
      inFlight.get(worker)!.set(req.id, pending);
      worker.postMessage(req);
    }
  };

  const failAll = (worker: Worker, err: Error) => {
    for (const p of inFlight.get(worker)?.values() ?? []) p.reject(err);
    inFlight.get(worker)?.clear();
  };

  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(workerUrl());
    inFlight.set(worker, new Map());
    worker.on('message', (res: NormalizeResponse) => {
      const pending = inFlight.get(worker)!.get(res.id);
      inFlight.get(worker)!.delete(res.id);
      idle.push(worker);
      if (pending) {
        if (res.ok) pending.resolve(res.record);
        else pending.reject(new JsnewsError(res.error.code, res.error.message, res.error.retryable));
      }
      dispatch();
    });
    // A crashed worker is a bug: its page fails (not retryable: the same bytes would crash it again).
    worker.on('error', (err) => failAll(worker, err));
    worker.on('exit', (code) => {
      if (!closed) failAll(worker, new Error(`normalize worker exited with code ${code}`));
    });
    idle.push(worker);
    return worker;
  });

  return {
    normalize(bytes, ctx) {
      if (closed) return Promise.reject(new Error('normalize pool is closed'));
      return new Promise<NewsRecord>((resolve, reject) => {
        queue.push({ req: { id: nextId++, bytes, ctx }, pending: { resolve, reject } });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const { pending } of queue.splice(0)) pending.reject(new Error('normalize pool is closed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
