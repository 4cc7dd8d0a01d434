#!/usr/bin/env node
// The `jsnews` command: runs the built CLI (dist/cli, made by `npm ci`/`npm install` through the
// `prepare` script, or `npm run build:cli`). No TypeScript is compiled at run time.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { enableCompileCache } from './compile-cache.mjs';

// A jsnews process is short and cold: over the 69 zh-cwced pages, about half its CPU was V8's optimising compiler
// (TurboFan) on background threads, recompiling large inlined functions, not running them (per-thread CPU from
// /proc: main thread ~1.0 s, compiler and GC threads ~1.0 s). Compiling without inlining, and optimising a function
// only after ~3x the default work in the baseline tiers, cut the process's CPU by ~24% and its wall time by ~20%
// (zh-cwced and aeb, `jsnews normalize` over all pages); the main thread's CPU did not grow. They change what V8
// compiles, never what the code computes (records byte-identical). Set here, before any of the CLI is compiled;
// V8 flags are per process, so worker threads get them too.
/** TurboFan inlining off: the large functions it inlined into were compiled 3-4 times over (deopt, reoptimise). */
const V8_NO_INLINING = '--no-turbo-inlining';
/** Bytecode budget before a function is optimised (V8's default 67584): only really hot code gets TurboFan. */
const V8_INTERRUPT_BUDGET = '--interrupt-budget=200000';
if (isMainThread) {
  setFlagsFromString(V8_NO_INLINING);
  setFlagsFromString(V8_INTERRUPT_BUDGET);
}

const cli = fileURLToPath(new URL('../dist/cli/', import.meta.url));
const entry = join(cli, 'jsnews.js');
if (!existsSync(entry)) {
  process.stderr.write('jsnews: the CLI is not built (dist/cli/jsnews.js is missing): run `npm run build:cli` (npm ci does it)\n');
  process.exit(1);
}
// `jsnews normalize`: the command alone, one CommonJS file compiled with a V8 code cache (see bin/compile-cache.mjs and
// lambdas/cli/normalize-main.ts); every other command (and `jsnews --help`) through the full CLI.
const NORMALIZE = join(cli, 'normalize.cjs');
if (!isMainThread) {
  // A worker thread of `jsnews normalize --jobs N` (lambdas/cli/normalize-workers.ts starts them from this file): the
  // same CommonJS build through the same code cache as the main thread, which alone writes the cache.
  enableCompileCache(cli, `${V8_NO_INLINING} ${V8_INTERRUPT_BUDGET}`, { write: false });
  await createRequire(import.meta.url)(NORMALIZE).serveNormalizeThread();
} else if (process.argv[2] === 'normalize' && existsSync(NORMALIZE)) {
  enableCompileCache(cli, `${V8_NO_INLINING} ${V8_INTERRUPT_BUDGET}`);
  const { main } = createRequire(import.meta.url)(NORMALIZE);
  process.exitCode = await main(process.argv.slice(2), { threadEntry: new URL(import.meta.url) });
} else {
  await import(pathToFileURL(entry).href);
}
