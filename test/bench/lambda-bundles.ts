/**
 * `npm run bench:lambda`: bundles every Lambda exactly as the stack does (lib/bundling.ts), then
 * prints each bundle's size and its cold module load time: a fresh `node` process importing the
 * bundle (the @aws-sdk/* externals resolve from node_modules, as they do from the Lambda runtime),
 * median of LOAD_RUNS. Checks the normalize targets. Prints, never asserts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { esbuildOptions, LAMBDA_ENTRIES, type LambdaName } from '../../lib/bundling.js';

/** Cold loads per bundle; the median is reported (the first run warms the disk cache like any other). */
const LOAD_RUNS = 5;
/** Targets from the brief: the normalize handler must start fast and stay small. */
const NORMALIZE_MAX_LOAD_MS = 300;
const NORMALIZE_MAX_BYTES = 3 * 1024 * 1024;
/** Inside the project so bare @aws-sdk/* imports resolve; bench-results/tmp/ is git-ignored. */
const OUT_DIR = resolve('bench-results/tmp/lambda');

const LOADER = `const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));`;

function loadMs(file: string): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LOADER, pathToFileURL(file).href], {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
    encoding: 'utf8',
  });
  return Number(out);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function benchOne(name: LambdaName): Promise<{ name: string; bytes: number; loadMs: number }> {
  const outfile = join(OUT_DIR, name, 'index.mjs');
  mkdirSync(join(OUT_DIR, name), { recursive: true });
  await esbuild.build(esbuildOptions(resolve(LAMBDA_ENTRIES[name]), outfile));
  const runs = Array.from({ length: LOAD_RUNS }, () => loadMs(outfile));
  return { name, bytes: statSync(outfile).size, loadMs: median(runs) };
}

async function main(): Promise<void> {
  console.log(`Lambda bundles (esbuild ${esbuild.version}, node ${process.version}, median of ${LOAD_RUNS} cold loads)`);
  console.log('lambda      bundle      load');
  let normalizeOk = false;
  for (const name of Object.keys(LAMBDA_ENTRIES) as LambdaName[]) {
    const r = await benchOne(name);
    console.log(`${r.name.padEnd(10)} ${(r.bytes / 1024 / 1024).toFixed(2).padStart(6)} MB ${r.loadMs.toFixed(0).padStart(6)} ms`);
    if (name === 'normalize') {
      normalizeOk = r.loadMs < NORMALIZE_MAX_LOAD_MS && r.bytes < NORMALIZE_MAX_BYTES;
      console.log(
        `  target normalize: load < ${NORMALIZE_MAX_LOAD_MS} ms ${r.loadMs < NORMALIZE_MAX_LOAD_MS ? 'MET' : 'NOT MET'}, ` +
          `bundle < 3 MB ${r.bytes < NORMALIZE_MAX_BYTES ? 'MET' : 'NOT MET'}`,
      );
    }
  }
  console.log(`normalize targets: ${normalizeOk ? 'MET' : 'NOT MET'}`);
}

await main();
