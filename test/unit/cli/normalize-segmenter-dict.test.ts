/**
 * The CLI's lazy `@node-rs/jieba/dict` (lambdas/cli/normalize-segmenter-dict.ts): the same `dict` bytes as the package's
 * dict.js, read on first access, and idf.txt never read unless asked; any other dict.js is left to load as itself.
 * Over a package written for the test, so that the process's real module cache is not touched.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JIEBA_DICT_JS, useLazySegmenterDict } from '../../../lambdas/cli/normalize-segmenter-dict.js';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

/** A package directory with the given dict.js, and a require made from beside it. */
function fakePackage(dictJs: string) {
  const root = mkdtempSync(join(tmpdir(), 'jsnews-jieba-dict-'));
  const pkg = join(root, 'node_modules/@node-rs/jieba');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@node-rs/jieba', version: '2.0.3', main: 'index.js' }));
  writeFileSync(join(pkg, 'dict.js'), dictJs);
  writeFileSync(join(pkg, 'dict.txt'), '中国 100 ns\n人民 50 n\n');
  writeFileSync(join(pkg, 'idf.txt'), '中国 9.5\n');
  const reads: string[] = [];
  const read = (file: string): Buffer => {
    reads.push(basename(file));
    return readFileSync(file);
  };
  return { from: createRequire(join(root, 'main.js')), pkg, reads, read };
}

describe('the lazy segmenter dictionary', () => {
  it('gives dict.js’s bytes on first access and reads idf.txt only when asked', () => {
    const { from, pkg, reads, read } = fakePackage(JIEBA_DICT_JS);
    expect(useLazySegmenterDict(from, read)).toBe(true);
    expect(reads).toEqual([]);
    const mod = from('@node-rs/jieba/dict') as { dict: Buffer; idf: Buffer };
    expect(Buffer.compare(mod.dict, readFileSync(join(pkg, 'dict.txt')))).toBe(0);
    expect(mod.dict).toBeInstanceOf(Buffer);
    expect(mod.dict).toBe(mod.dict);
    expect(reads).toEqual(['dict.txt']);
    expect(mod.idf.toString('utf8')).toBe('中国 9.5\n');
    expect(reads).toEqual(['dict.txt', 'idf.txt']);
    expect(Object.keys(mod)).toEqual(['dict', 'idf']);
  });

  it('leaves another dict.js, and one already loaded, to themselves', () => {
    const other = fakePackage(`${JIEBA_DICT_JS}module.exports.extra = 1\n`);
    expect(useLazySegmenterDict(other.from, other.read)).toBe(false);
    expect((other.from('@node-rs/jieba/dict') as { extra: number }).extra).toBe(1);

    const loaded = fakePackage(JIEBA_DICT_JS);
    const real = loaded.from('@node-rs/jieba/dict') as { idf: Buffer };
    expect(useLazySegmenterDict(loaded.from, loaded.read)).toBe(false);
    expect(loaded.from('@node-rs/jieba/dict')).toBe(real);
    expect(loaded.reads).toEqual([]);
  });

  it('is written against the installed package’s dict.js (an upgrade must be looked at again)', () => {
    const installed = createRequire(join(REPO_ROOT, 'package.json')).resolve('@node-rs/jieba/dict');
    expect(readFileSync(installed, 'utf8')).toBe(JIEBA_DICT_JS);
  });
});
