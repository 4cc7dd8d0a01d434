/**
 * `jsnews normalize` runs the built CLI's CommonJS build (dist/cli/normalize.cjs) with a V8 code cache
 * (bin/compile-cache.mjs): the first process writes the cache, later ones compile from it and write nothing, and the
 * output is the same with the cache, without it, and through the full CLI's ES modules. Runs the real bin.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

const CLI = join(REPO_ROOT, 'dist/cli');

function jsnews(args: string[], cache: string) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/jsnews.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, JSNEWS_COMPILE_CACHE: cache } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const filesIn = (dir: string) => readdirSync(dir).sort();

describe('the compile cache of jsnews normalize', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsnews-compile-cache-'));
  const page = join(dir, 'page.html');
  writeFileSync(page, '<html><head><title>港口扩建工程开工</title></head><body><h1>港口扩建工程开工</h1><div class="content"><p>本报讯 昨天上午，港口二期扩建工程在北岸码头正式开工，预计两年后建成投用，新增泊位六个。</p><p>据介绍，工程建成后港口年吞吐能力将提高三成，并带动周边物流园区和临港产业发展。</p></div></body></html>');
  const args = ['normalize', '--fetched-at', '2024-02-21T09:00:00+08:00', page, 'seeds/000_0bd5e5fca5af9d22.txt'];

  it('is written by the first process, used by the next, and never changes the output', () => {
    const cache = join(dir, 'cache');
    const first = jsnews(args, cache);
    expect(first.status).toBe(0);
    const written = filesIn(cache);
    expect(written.some((f) => f.includes('-normalize.cjs-') && f.endsWith('.bin'))).toBe(true);
    const times = written.map((f) => statSync(join(cache, f)).mtimeMs);

    const second = jsnews(args, cache);
    expect(second.stdout).toBe(first.stdout);
    expect(filesIn(cache)).toEqual(written);
    expect(written.map((f) => statSync(join(cache, f)).mtimeMs)).toEqual(times);

    const off = jsnews(args, 'off');
    expect(off.stdout).toBe(first.stdout);
  });

  it('is rewritten when V8 refuses it (here: a cache file that is not one)', () => {
    const cache = join(dir, 'refused');
    jsnews(args, cache);
    const file = filesIn(cache).find((f) => f.includes('-normalize.cjs-'))!;
    const good = readFileSync(join(cache, file));
    writeFileSync(join(cache, file), Buffer.alloc(good.length, 7));
    const r = jsnews(args, cache);
    expect(r.status).toBe(0);
    expect(readFileSync(join(cache, file)).equals(good)).toBe(false);
    expect(readFileSync(join(cache, file))[0]).not.toBe(7);
  });

  it('is written again by a process that ran much longer than the one that wrote it, not by one that ran as long', () => {
    const cache = join(dir, 'longer');
    jsnews(args, cache);
    const file = join(cache, filesIn(cache).find((f) => f.includes('-normalize.cjs-'))!);
    const written = readFileSync(file);
    // The writer's CPU milliseconds head the file: as if a process of 1 ms had written it, then one of 1e9 ms.
    written.writeDoubleLE(1, 0);
    writeFileSync(file, written);
    jsnews(args, cache);
    const rewritten = readFileSync(file);
    expect(rewritten.readDoubleLE(0)).toBeGreaterThan(1);
    rewritten.writeDoubleLE(1e9, 0);
    writeFileSync(file, rewritten);
    jsnews(args, cache);
    expect(readFileSync(file).readDoubleLE(0)).toBe(1e9);
  });

  it('holds neither the stores (the AWS SDK) nor the second opinion, which load from files of their own', () => {
    const text = readFileSync(join(CLI, 'normalize.cjs'), 'utf8');
    expect(text).not.toMatch(/node_modules\/@aws-sdk\//);
    expect(text).not.toMatch(/node_modules\/(linkedom|@mozilla\/readability)\//);
    expect(text).toMatch(/require\("\.\/vendor\/linkedom\.cjs"\)/);
  });
});
