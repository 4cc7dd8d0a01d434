#!/usr/bin/env node
// Installs the native packages that stay outside a Lambda's esbuild bundle (lib/bundling.ts NATIVE_MODULES) into the
// Lambda's asset folder, for the Lambda's platform, not this machine's: a lock holding only those packages' entries,
// cut from the project's package-lock.json (same versions, same integrity hashes), then `npm ci` with npm's --os,
// --cpu and --libc so the optional platform package of the Lambda (linux arm64 glibc: @node-rs/jieba-linux-arm64-gnu)
// is the one fetched. Run by the NodejsFunction afterBundling command hook (local bundling, never Docker).
//
// usage: node scripts/install-lambda-natives.mjs OUTPUT_DIR CPU PACKAGE... [--empty PACKAGE/FILE]...
//   e.g. node scripts/install-lambda-natives.mjs cdk.out/asset.x arm64 @node-rs/jieba --empty @node-rs/jieba/idf.txt
// --empty: a file of an installed package that the Lambda never reads, written back empty (lib/bundling.ts
// NATIVE_MODULE_UNUSED_FILES); a file that is not there is an error (the package's layout changed: look again).
// Plain JavaScript so it runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [outputDir, cpu, ...rest] = process.argv.slice(2);
const packages = rest.filter((arg, i) => arg !== '--empty' && rest[i - 1] !== '--empty');
const emptied = rest.filter((_, i) => rest[i - 1] === '--empty');
if (!outputDir || !['arm64', 'x64'].includes(cpu ?? '') || packages.length === 0) {
  process.stderr.write('usage: install-lambda-natives.mjs OUTPUT_DIR arm64|x64 PACKAGE...\n');
  process.exit(2);
}

const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const rootDeps = { ...lock.packages[''].dependencies, ...lock.packages[''].devDependencies };
const dependencies = {};
const entries = {};
for (const name of packages) {
  const version = rootDeps[name];
  const entry = lock.packages[`node_modules/${name}`];
  if (!version || !entry) throw new Error(`${name} is not a dependency in package-lock.json`);
  dependencies[name] = version;
  entries[`node_modules/${name}`] = entry;
  // Its optional platform packages (napi-rs layout: one package per platform, all pinned to the same version).
  for (const optional of Object.keys(entry.optionalDependencies ?? {})) {
    const platformEntry = lock.packages[`node_modules/${optional}`];
    if (platformEntry) entries[`node_modules/${optional}`] = platformEntry;
  }
}

const manifest = { name: 'lambda-natives', private: true, dependencies };
writeFileSync(join(outputDir, 'package.json'), JSON.stringify(manifest, null, 2));
writeFileSync(
  join(outputDir, 'package-lock.json'),
  JSON.stringify({ name: manifest.name, lockfileVersion: 3, requires: true, packages: { '': manifest, ...entries } }, null, 2),
);
execFileSync(
  'npm',
  ['ci', '--os=linux', `--cpu=${cpu}`, '--libc=glibc', '--ignore-scripts', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'],
  { cwd: outputDir, stdio: ['ignore', 'ignore', 'inherit'] },
);
// The manifest and lock were only the install's input; the Lambda needs node_modules/.
for (const file of ['package.json', 'package-lock.json', 'node_modules/.package-lock.json']) rmSync(join(outputDir, file), { force: true });
for (const file of emptied) {
  const path = join(outputDir, 'node_modules', file);
  if (!existsSync(path)) throw new Error(`--empty ${file}: not installed (${path})`);
  writeFileSync(path, '');
}
