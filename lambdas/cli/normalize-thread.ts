/**
 * The body of a worker thread of `jsnews normalize --jobs N` (lambdas/cli/normalize-workers.ts): loads the normalizer
 * once, says it is ready, then turns each input it is sent into its JSON line, in the order sent, exactly as the main
 * thread does (the same `outputLine` and `pageRecord`). Started from the CommonJS build through bin/jsnews.mjs (so it
 * compiles from the V8 code cache too), or from the ES module build's entry (normalize-workers-thread.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Source } from '../sites/sources-schema.js';
import { outputLine, pageRecord, readInput, type PageDeps, type WorkerReady, type WorkerReply, type WorkerRequest, type WorkerSetup } from './normalize-workers.js';

/** Serves the main thread's requests on this worker thread until it is terminated. */
export async function serveNormalizeThread(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  const { normalize } = await import('../normalize/index.js');
  const { loadSources, siteHintsForUrl } = await import('../sites/load-sources.js');
  let sources: Source[] | null = null;
  const deps: PageDeps = { normalize, siteHints: (url) => siteHintsForUrl((sources ??= loadSources(setup.sources ?? undefined)), url) };
  // One input at a time, in the order they came: the main thread relies on it to know which input a crash stopped on.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (req: WorkerRequest) => {
    chain = chain.then(async () => {
      const line = await outputLine(req.file.input, () => pageRecord(req.file, readInput(req.file.path), req.file.input, deps));
      port.postMessage({ index: req.index, line } satisfies WorkerReply);
    });
  });
  port.postMessage({ ready: true } satisfies WorkerReady);
}
