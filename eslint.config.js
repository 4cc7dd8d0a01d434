// The house rules: which folder may import what (see "Project layout" in the README and each folder's README.md).
// Only architecture is checked here; formatting and style are left to review. `npm run lint` runs this in CI.
import tseslint from 'typescript-eslint';

/** Top-level folders under lambdas/. */
const FOLDERS = ['contract', 'normalize', 'sites', 'discover', 'fetch', 'store', 'pipeline', 'handlers', 'cli', 'read', 'dev'];

/** Relative-import patterns reaching lambdas/<folder> from any depth below lambdas/ (or from lib/). */
function reach(folder) {
  return [`../${folder}/**`, `../../${folder}/**`, `../../../${folder}/**`, `../../lambdas/${folder}/**`, `../lambdas/${folder}/**`];
}

/** The AWS SDK lives behind store/ only: one place for clients, timeouts, retries and error mapping. */
const AWS_SDK = { group: ['@aws-sdk/*'], message: 'only lambdas/store/ imports the AWS SDK: add a port in store/ instead' };
/** What the pure core and the shared vocabulary must never touch: network, disk, processes. */
const IO_MODULES = ['undici', 'node:fs', 'node:fs/promises', 'fs', 'node:net', 'net', 'node:http', 'node:https', 'http', 'https', 'node:child_process', 'child_process', 'node:dns', 'dns'];
const IO = { group: IO_MODULES, message: 'the pure core does no I/O: take bytes and context as arguments' };

/** A restriction: these folders may not be imported from here. */
function notFrom(folders, why) {
  return { group: folders.flatMap(reach), message: why };
}

/** Builds one folder's rule: the import patterns (and exact module names, `paths`) it must not use. */
function rule(files, patterns, extra = {}, paths = []) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns, paths }],
      ...extra,
    },
  };
}

/** One HTML parser for articles and list pages: htmlparser2 through cheerio/slim (normalize/parse/load-html.ts). */
const ONE_PARSER = ['cheerio', 'parse5'].map((name) => ({
  name,
  message: 'one HTML parser: cheerio/slim on htmlparser2 (lambdas/normalize/parse/); the full cheerio build parses with parse5',
}));

/** Dev dependencies the core must not load at run time: each is the source of a generated table the core reads. */
const DEV_ONLY = [
  { name: 'pinyin-pro', message: 'pinyin-pro is a dev dependency, the source of clean/pinyin-readings.ts (npm run build:pinyin): read the table' },
];

const NO_PROCESS_ENV = {
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'env', message: 'read the environment once, in lambdas/contract/config.ts, and pass the typed value' },
  ],
};

const others = (...allowed) => FOLDERS.filter((f) => !allowed.includes(f));

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', 'dist/**', 'coverage/**', 'bench-results/**', '.jsnews/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  // contract/: the shared vocabulary. Imports only zod and node:crypto, nothing else of the project.
  rule(['lambdas/contract/**/*.ts'], [
    { group: ['../*', '!../contract'], message: 'contract/ imports nothing else of the project (only zod and node:crypto)' },
    AWS_SDK,
    IO,
    { group: ['cheerio', 'htmlparser2', 'opencc-js', 'pinyin-pro', '@aws-lambda-powertools/*'], message: 'contract/ imports only zod and node:crypto' },
  ]),
  // normalize/: the pure core. Bytes plus context in, a record out: only contract/ from outside, no I/O, no environment.
  rule(['lambdas/normalize/**/*.ts'], [notFrom(others('contract', 'normalize'), 'the core imports only contract/ from outside normalize/'), AWS_SDK, IO], NO_PROCESS_ENV, [...ONE_PARSER, ...DEV_ONLY]),
  // normalize/parse/: DOM only, no extraction.
  rule(['lambdas/normalize/parse/**/*.ts'], [
    notFrom(others('contract', 'normalize'), 'the core imports only contract/ from outside normalize/'),
    { group: ['../extract/**', '../enrich/**', '../record/**'], message: 'parse/ builds the DOM only: it imports nothing from extract/, enrich/ or record/' },
    AWS_SDK,
    IO,
  ], NO_PROCESS_ENV, [...ONE_PARSER, ...DEV_ONLY]),
  // normalize/clean/ and normalize/data/: leaves (string cleaners, data tables).
  rule(['lambdas/normalize/clean/**/*.ts', 'lambdas/normalize/data/**/*.ts'], [
    notFrom(others('contract'), 'leaves import only contract/'),
    { group: ['../parse/**', '../extract/**', '../enrich/**', '../record/**', '../decode/**', '../index.js'], message: 'clean/ and data/ are leaves' },
    AWS_SDK,
    IO,
  ], NO_PROCESS_ENV, DEV_ONLY),
  // sites/: the one registry of sources and site hints.
  rule(['lambdas/sites/**/*.ts'], [notFrom(others('contract', 'sites'), 'sites/ imports only contract/'), AWS_SDK], NO_PROCESS_ENV),
  // discover/: link discovery on fetched list pages, feeds and sitemaps: pure.
  // It parses list pages with the normalizer's parse stage (normalize/parse/: same tree, same guards), nothing else of it.
  rule(['lambdas/discover/**/*.ts'], [
    notFrom(others('contract', 'sites', 'normalize', 'discover'), 'discover/ imports contract/, sites/ and the normalizer\'s parser only'),
    { group: ['../normalize/*', '!../normalize/parse'], message: 'discover/ imports the normalizer\'s parser (normalize/parse/) only' },
    AWS_SDK,
    IO,
  ], NO_PROCESS_ENV, ONE_PARSER),
  // fetch/: the HTTP client. No stores, no pipeline.
  rule(['lambdas/fetch/**/*.ts'], [notFrom(others('contract', 'sites', 'fetch'), 'fetch/ imports contract/ and sites/ only'), AWS_SDK], NO_PROCESS_ENV),
  // store/: the only adapter to AWS (DynamoDB, S3, SQS, Lambda invoke).
  rule(['lambdas/store/**/*.ts'], [notFrom(others('contract', 'store'), 'store/ imports contract/ only: it stores records, it does not make them')], NO_PROCESS_ENV),
  // pipeline/: the work logic, over ports.
  rule(['lambdas/pipeline/**/*.ts'], [notFrom(['handlers', 'cli', 'dev', 'read'], 'pipeline/ is called by handlers/ and cli/, never the reverse'), AWS_SDK], NO_PROCESS_ENV),
  // handlers/: Lambda entry points and runtime wiring.
  rule(['lambdas/handlers/**/*.ts'], [notFrom(['cli', 'dev', 'read'], 'handlers/ never import the CLI or the local dev stores'), AWS_SDK]),
  // read/: the typed read module for downstream readers.
  rule(['lambdas/read/**/*.ts'], [notFrom(['handlers', 'cli', 'pipeline', 'fetch'], 'read/ reads the stores; it fetches and writes nothing'), AWS_SDK], NO_PROCESS_ENV),
  // cli/: one file per command, thin adapters.
  rule(['lambdas/cli/**/*.ts'], [notFrom(['handlers'], 'cli/ runs the pipeline in-process or invokes deployed functions through store/'), AWS_SDK]),
  // dev/: local stores and the replay server; never imported by a Lambda entry point (checked by handlers/ rule).
  rule(['lambdas/dev/**/*.ts'], [notFrom(['handlers', 'cli'], 'dev/ is used by cli/ and tests only'), AWS_SDK]),
  // lib/: the CDK app reads only the shared vocabulary and the sources registry.
  rule(['lib/**/*.ts'], [notFrom(others('contract', 'sites'), 'lib/ imports only lambdas/contract/ and lambdas/sites/ (handler entry points are paths, not imports)')]),
);
