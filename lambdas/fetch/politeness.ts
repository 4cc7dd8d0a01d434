/**
 * Per-host politeness: one request in flight per host, and a gap of at least the host's delay
 * between the end of one request and the start of the next. A host can also be deferred (e.g.
 * by Retry-After) so every queued request to it waits.
 */
import { sleep } from './retry.js';

export class HostGate {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly nextAt = new Map<string, number>();

  /** @param enabled false = no queueing and no delays (benchmarks against local servers). */
  constructor(private readonly enabled: boolean) {}

  /** Runs `task` when the host is free and its delay has passed; `delayMs()` is read when the task ends. */
  async run<T>(host: string, delayMs: () => number, task: () => Promise<T>): Promise<T> {
    if (!this.enabled) return task();
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(host, tail);
    await previous;
    try {
      // Timers may fire a millisecond early; loop until the host's time has really come.
      while ((this.nextAt.get(host) ?? 0) > Date.now()) await sleep((this.nextAt.get(host) ?? 0) - Date.now());
      return await task();
    } finally {
      this.defer(host, Date.now() + delayMs());
      release();
      if (this.tails.get(host) === tail) this.tails.delete(host);
    }
  }

  /** No request to `host` starts before `untilMs` (epoch ms). Never moves the time earlier. */
  defer(host: string, untilMs: number): void {
    if (!this.enabled) return;
    this.nextAt.set(host, Math.max(this.nextAt.get(host) ?? 0, untilMs));
  }
}
