/**
 * `jsnews normalize` as a program of its own: the same commander program as jsnews.ts with only the normalize command
 * registered, so `jsnews normalize ...` parses, helps and fails exactly as through jsnews.ts. scripts/build-cli.mjs
 * builds it into one CommonJS file (dist/cli/normalize.cjs) with everything the command can load (the normalizer, and
 * for URL inputs the fetcher), which bin/jsnews.mjs loads for `jsnews normalize` through a V8 code cache
 * (bin/compile-cache.mjs): Node 20 can give a code cache to CommonJS code only, not to ES modules, and a short
 * `jsnews normalize` process spends a good part of its CPU compiling the code it runs. The worker threads of
 * `--jobs N` run the same file (serveNormalizeThread), through the same cache.
 */
import { createRequire } from 'node:module';
import { silenceSdkNodeVersionWarning } from '../contract/config.js';
import { buildProgram, packageVersion, runProgram } from './framework.js';
import { command as normalize } from './normalize.js';
import { useLazySegmenterDict } from './normalize-segmenter-dict.js';
import { serveNormalizeThread as serveThread } from './normalize-thread.js';
import { useThreadEntry } from './normalize-workers.js';

/** The segmenter's dictionary without the idf.txt it never reads (normalize-segmenter-dict.ts), resolved from here as it resolves it. */
const lazySegmenterDict = (): boolean => useLazySegmenterDict(createRequire(import.meta.url));

/**
 * Runs `jsnews normalize` with `argv` (the arguments after `jsnews`, starting with `normalize`); the exit status.
 * `threadEntry` is the file worker threads start from (bin/jsnews.mjs), which must call serveNormalizeThread.
 */
export async function main(argv: string[], options: { threadEntry?: URL } = {}): Promise<number> {
  silenceSdkNodeVersionWarning();
  lazySegmenterDict();
  if (options.threadEntry) useThreadEntry(options.threadEntry);
  return runProgram(buildProgram([normalize], packageVersion()), argv);
}

/** A worker thread of `--jobs N` (bin/jsnews.mjs): serves the main thread's inputs (normalize-thread.ts). */
export async function serveNormalizeThread(): Promise<void> {
  lazySegmenterDict();
  await serveThread();
}
