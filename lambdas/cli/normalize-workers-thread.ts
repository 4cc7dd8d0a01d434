/**
 * The worker thread entry of `jsnews normalize --jobs N` in the ES module build (dist/cli/normalize-workers-thread.js),
 * used when `jsnews normalize` runs through dist/cli/jsnews.js; the CommonJS build starts its threads through
 * bin/jsnews.mjs instead. The thread's work is lambdas/cli/normalize-thread.ts either way.
 */
import { serveNormalizeThread } from './normalize-thread.js';

await serveNormalizeThread();
