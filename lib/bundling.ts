/**
 * How every Lambda is bundled, in one place: the stack (NodejsFunction) and `npm run bench:lambda`
 * (plain esbuild) both read these values, so the bench measures exactly what gets deployed.
 */
import { Charset, OutputFormat, SourceMapMode, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { join } from 'node:path';

/** Lambda handlers and their entry files (relative to the project root). One Lambda per file. */
export const LAMBDA_ENTRIES = {
  discover: 'lambdas/handlers/discover.ts',
  fetch: 'lambdas/handlers/fetch.ts',
  normalize: 'lambdas/handlers/normalize.ts',
  backfill: 'lambdas/handlers/backfill.ts',
  'revisit-planner': 'lambdas/handlers/revisit-planner.ts',
} as const;
export type LambdaName = keyof typeof LAMBDA_ENTRIES;

/** Matches the nodejs22.x runtime the stack deploys; esbuild lowers nothing it supports natively. */
export const BUNDLE_TARGET = 'node22';

/**
 * The AWS SDK v3 ships in the nodejs22.x runtime, but we bundle it anyway. Measured with
 * `npm run bench:lambda` (2-core dev box, median of 5 cold loads): externalized, the handlers load
 * in 850-1200 ms because Node resolves and evaluates hundreds of SDK files; bundled and
 * tree-shaken, 320-730 ms, for +0.5 MB per bundle. Re-checked after the OpenCC/pinyin-pro load
 * changes: normalize externalized 0.84 MB, ~470 ms CPU to load; bundled 1.29 MB, ~165 ms CPU.
 * Bundling also pins the SDK version we test with. To externalize again: ['@aws-sdk/*', '@smithy/*'].
 */
const EXTERNAL_AWS_SDK: string[] = [];

/**
 * Packages with a native Node-API binary, kept outside the esbuild bundle (a .node file cannot be bundled) and
 * installed into the Lambda's asset by the afterBundling hook (scripts/install-lambda-natives.mjs), for the Lambda's
 * architecture, not the build machine's. @node-rs/jieba: the segmenter of lambdas/normalize/enrich/segmenter.ts
 * (its JS loader, dict.txt and idf.txt, and @node-rs/jieba-linux-arm64-gnu's binary: 14 MB unzipped).
 */
export const NATIVE_MODULES: string[] = ['@node-rs/jieba'];

/**
 * Files of NATIVE_MODULES that the normalizer never reads, written into the asset empty (not left out: the package reads
 * them at require). @node-rs/jieba/idf.txt (6.2 MB, TF-IDF keyword weights): segmenter.ts only tags, but the package's
 * dict.js reads idf.txt beside dict.txt. Empty, the asset is 6.2 MB smaller and a cold start reads 6.2 MB less.
 */
export const NATIVE_MODULE_UNUSED_FILES: string[] = ['@node-rs/jieba/idf.txt'];

/** The Lambdas whose bundle holds the normalizer (enrich/segmenter.ts): their asset gets NATIVE_MODULES and SECOND_OPINION_MODULES. */
export const NATIVE_MODULE_LAMBDAS: readonly LambdaName[] = ['fetch', 'normalize'];

/**
 * The second opinion's libraries (lambdas/normalize/extract/second-opinion.ts require()s them on the few pages whose
 * first extraction has low confidence: 4 of the 327 bench and seed inputs), kept outside the bundle and written into
 * the asset as one prebuilt CommonJS file each (node_modules/<package>/index.cjs, scripts/vendor-second-opinion.mjs:
 * the same files the CLI loads from dist/cli/vendor). Inlined, they were 1.0 MB of the normalize bundle's 1.9 MB, which
 * every cold start parses; now only a page that asks loads them (`npm run bench:lambda` prints both figures).
 */
export const SECOND_OPINION_MODULES: string[] = ['linkedom', '@mozilla/readability'];

export const EXTERNAL_MODULES: string[] = [...EXTERNAL_AWS_SDK, ...NATIVE_MODULES, ...SECOND_OPINION_MODULES];

/**
 * ESM output cannot call `require`, but a few CommonJS dependencies do (`require('node:buffer')`
 * inside cheerio/iconv code paths). The banner gives the bundle a real `require` again.
 * Names are prefixed so they never clash with bundled identifiers. (A `require` of a bundled package
 * never reaches it: esbuild turns it into a call of the bundled module, evaluated on that first call.
 * The externals, EXTERNAL_MODULES, are what it loads.)
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __jsnewsCreateRequire } from 'node:module'; const require = __jsnewsCreateRequire(import.meta.url);";

/** Prefer ESM entry points of dependencies: better tree-shaking than their CommonJS builds. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * The afterBundling commands of a Lambda that holds the normalizer: install NATIVE_MODULES into its asset folder for
 * `cpu` (the function's architecture: 'arm64' or 'x64'; NATIVE_MODULE_UNUSED_FILES emptied), then write SECOND_OPINION_MODULES' prebuilt files next to
 * them (after: the natives' `npm ci` starts from an empty node_modules). Local commands, never Docker.
 */
export function normalizerAssetCommands(projectRoot: string, outputDir: string, cpu: 'arm64' | 'x64'): string[] {
  const natives = join(projectRoot, 'scripts/install-lambda-natives.mjs');
  const vendored = join(projectRoot, 'scripts/vendor-second-opinion.mjs');
  const emptied = NATIVE_MODULE_UNUSED_FILES.map((f) => ` --empty ${f}`).join('');
  return [`node "${natives}" "${outputDir}" ${cpu} ${NATIVE_MODULES.join(' ')}${emptied}`, `node "${vendored}" "${outputDir}"`];
}

/** The bundling settings the stack hands to NodejsFunction (local esbuild, never Docker). */
export function cdkBundlingOptions(): BundlingOptions {
  return {
    forceDockerBundling: false,
    format: OutputFormat.ESM,
    target: BUNDLE_TARGET,
    minify: true,
    sourceMap: true,
    sourceMapMode: SourceMapMode.EXTERNAL,
    // Sources inside the map would double the artifact for no runtime benefit.
    sourcesContent: false,
    // Chinese lexicons stay as UTF-8 instead of \uXXXX escapes (escapes are 2-3x larger).
    charset: Charset.UTF8,
    mainFields: MAIN_FIELDS,
    banner: ESM_REQUIRE_BANNER,
    externalModules: EXTERNAL_MODULES,
    bundleAwsSDK: EXTERNAL_AWS_SDK.length === 0,
  };
}

/** The same settings as plain esbuild options, for the bench. */
export function esbuildOptions(entryPoint: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE_TARGET,
    minify: true,
    sourcemap: 'external',
    sourcesContent: false,
    charset: 'utf8',
    mainFields: MAIN_FIELDS,
    banner: { js: ESM_REQUIRE_BANNER },
    external: EXTERNAL_MODULES,
    logLevel: 'warning',
  };
}
