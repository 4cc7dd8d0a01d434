/**
 * A worker thread of `jsnews normalize --jobs N` (lambdas/cli/normalize-workers.ts): loads the normalizer once, then
 * turns each input it is sent into its JSON line, in the order sent, exactly as the in-process run does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { normalize } from '../normalize/index.js';
import { loadSources, siteHintsForUrl } from '../sites/load-sources.js';
import type { Source } from '../sites/sources-schema.js';
import { outputLine, pageRecord, readInput, type PageDeps, type WorkerReply, type WorkerRequest, type WorkerSetup } from './normalize-workers.js';

const setup = workerData as WorkerSetup;
let sources: Source[] | null = null;
const deps: PageDeps = { normalize, siteHints: (url) => siteHintsForUrl((sources ??= loadSources(setup.sources ?? undefined)), url) };
const port = parentPort!;
// One input at a time, in the order they came: the main thread relies on it to know which input a crash stopped on.
let chain: Promise<void> = Promise.resolve();
port.on('message', (req: WorkerRequest) => {
  chain = chain.then(async () => {
    const line = await outputLine(req.file.input, () => pageRecord(req.file, readInput(req.file.path), req.file.input, deps));
    port.postMessage({ index: req.index, line } satisfies WorkerReply);
  });
});
