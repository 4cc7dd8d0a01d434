/**
 * pinyin-annotations.ts loads pinyin-pro lazily through `require`, which resolves to the package's CommonJS
 * build, where it used to import the ES build. Both builds must hold the same readings: compared here for every
 * Han code point, with the exact call pinyin-annotations.ts makes.
 */
import { createRequire } from 'node:module';
import * as esmBuild from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { isReadingOf } from '../../../../lambdas/normalize/clean/pinyin-annotations.js';
import { hanCodePoints } from './han-code-points.js';

const cjsBuild = createRequire(import.meta.url)('pinyin-pro') as typeof esmBuild;
const READINGS = { multiple: true, type: 'array' } as const;

describe('pinyin-pro CommonJS build (loaded lazily) against the ES build', () => {
  it('is a different module instance, so the comparison means something', () => {
    expect(cjsBuild.pinyin).not.toBe(esmBuild.pinyin);
  });

  it('gives the same readings for every Han code point', () => {
    const differing = hanCodePoints().filter((ch) => {
      const cjs = cjsBuild.pinyin(ch, READINGS);
      const esm = esmBuild.pinyin(ch, READINGS);
      return cjs.length !== esm.length || cjs.some((reading, i) => reading !== esm[i]);
    });
    expect(differing).toEqual([]);
  });

  it('isReadingOf accepts what the ES build lists and rejects what it does not', () => {
    expect(esmBuild.pinyin('行', READINGS)).toEqual(expect.arrayContaining(['xíng', 'háng']));
    expect(isReadingOf('háng', '行')).toBe(true);
    expect(isReadingOf('xíng', '行')).toBe(true);
    expect(isReadingOf('zhèn', '行')).toBe(false);
  });
});
