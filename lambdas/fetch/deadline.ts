/**
 * The total time budget of one fetch (issue 10: only the gap between body chunks was timed, so a
 * server trickling a byte a second held a fetch for as long as it liked). The clock starts when
 * the fetch first gets its turn at the host gate (time queued behind other URLs of the same host is
 * politeness, not the server's slowness) and then covers everything: robots.txt, every attempt,
 * backoff and Retry-After sleeps, redirects and the body. When it passes, `signal` aborts the
 * request or body read in progress.
 */
export class FetchDeadlineError extends Error {
  override readonly name = 'FetchDeadlineError';
  constructor(readonly deadlineMs: number) {
    super(`fetch deadline of ${deadlineMs / 1000} s passed`);
  }
}

export class Deadline {
  private readonly controller = new AbortController();
  private startedAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly budgetMs: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Starts the clock (idempotent). */
  start(): void {
    if (this.startedAt !== null) return;
    this.startedAt = Date.now();
    this.timer = setTimeout(() => this.controller.abort(new FetchDeadlineError(this.budgetMs)), this.budgetMs);
    this.timer.unref();
  }

  /** Ends the fetch now, as if the deadline had passed, for `reason` (the caller's signal). */
  abort(reason: Error): void {
    this.controller.abort(reason);
  }

  /** Why the deadline passed: its own budget, or the reason given to abort. */
  get reason(): Error | null {
    return this.passed ? (this.controller.signal.reason as Error) : null;
  }

  /** Milliseconds left; the whole budget before the clock starts. */
  remainingMs(): number {
    if (this.startedAt === null) return this.budgetMs;
    return Math.max(0, this.startedAt + this.budgetMs - Date.now());
  }

  get passed(): boolean {
    return this.controller.signal.aborted;
  }

  /** Sleeps `ms`, or less when the deadline passes first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.passed) return resolve();
      const done = () => {
        clearTimeout(t);
        this.signal.removeEventListener('abort', done);
        resolve();
      };
      const t = setTimeout(done, Math.max(0, ms));
      this.signal.addEventListener('abort', done, { once: true });
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
