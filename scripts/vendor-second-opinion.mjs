#!/usr/bin/env node
// The second opinion's libraries (lambdas/normalize/extract/second-opinion.ts require()s them on the few pages that
// ask: 4 of the 327 bench and seed inputs), each prebuilt with esbuild into one CommonJS file of its own, so that a
// process that never asks does not parse them, and one that asks reads one file instead of ~100. One build for both
// users:
//   - the CLI (scripts/build-cli.mjs): dist/cli/vendor/<name>.cjs, which the CLI's chunks require() by path;
//   - the fetch and normalize Lambdas (lib/bundling.ts keeps both packages external; the afterBundling hook runs
//     `node scripts/vendor-second-opinion.mjs OUTPUT_DIR`): OUTPUT_DIR/node_modules/<package>/index.cjs with a
//     package.json naming it, where the bundle's require('<package>') finds it.
// Not minified: the same code as the CLI's and the tests' (records byte-identical across them).
// Plain JavaScript so it runs before anything is compiled.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Package → the file name of its prebuilt copy. */
export const VENDORED = { linkedom: 'linkedom', '@mozilla/readability': 'readability' };

/** Builds `pkg` and everything it requires into the one CommonJS file `outfile`. */
export async function buildVendored(pkg, outfile) {
  await build({
    // Entered through require(), so the package resolves to the same (CommonJS) build the source's require() gets.
    stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, sourcefile: `${VENDORED[pkg]}-vendor.cjs` },
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
  });
}

/** Every VENDORED package as OUTPUT_DIR/node_modules/<package>/index.cjs + package.json (a Lambda asset's layout). */
export async function vendorIntoNodeModules(outputDir) {
  for (const pkg of Object.keys(VENDORED)) {
    const dir = join(outputDir, 'node_modules', pkg);
    mkdirSync(dir, { recursive: true });
    await buildVendored(pkg, join(dir, 'index.cjs'));
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: pkg, private: true, main: 'index.cjs' })}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outputDir = process.argv[2];
  if (!outputDir) {
    process.stderr.write('usage: vendor-second-opinion.mjs OUTPUT_DIR\n');
    process.exit(2);
  }
  await vendorIntoNodeModules(outputDir);
}
