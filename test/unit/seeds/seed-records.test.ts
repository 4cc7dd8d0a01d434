/**
 * The seeds as regression fixtures: every field of every seed record (text captures and their HTML renderings)
 * against the expectations written by hand from the seed text. Run twice: with the site hints the sources registry
 * has for the seed's URL (as the pipeline and `jsnews normalize --url` pass them) and with none, so the generic path
 * stays honest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize, NORMALIZER_VERSION } from '../../../lambdas/normalize/index.js';
import { LOW_CONFIDENCE } from '../../../lambdas/normalize/extract/confidence.js';
import { NewsRecord } from '../../../lambdas/contract/record.js';
import { loadSources, siteHintsForUrl } from '../../../lambdas/sites/index.js';
import { derivedFields, loadExpectations, REPO_ROOT } from '../../helpers/seed-expectations.js';

const expectations = [...loadExpectations('seeds'), ...loadExpectations('seeds/html')];
const HAND_WRITTEN_FIELDS = [
  'schemaVersion', 'url', 'canonicalUrl', 'site', 'title', 'subtitle', 'publishedAt', 'published', 'source', 'originalUrl',
  'authors', 'editors', 'photographers', 'region', 'people', 'figures', 'paragraphs', 'language', 'sourceScript', 'quality', 'raw',
] as const;

const sources = loadSources();

describe.each([
  ['with the registry\'s site hints', true],
  ['generic path only (no site hints)', false],
])('seed records %s', (_label, withHints) => {

  it('has the five text seeds and their HTML renderings', () => {
    expect(expectations.filter((e) => e.input.endsWith('.txt'))).toHaveLength(5);
  });

  describe.each(expectations.map((e) => [e.input, e] as const))('%s', (_input, e) => {
    const bytes = new Uint8Array(readFileSync(join(REPO_ROOT, e.input)));
    const record = normalize(bytes, { ...e.context, site: withHints ? siteHintsForUrl(sources, e.context.url) : null });

    it.each(HAND_WRITTEN_FIELDS.map((f) => [f]))('%s matches the hand-checked expectation', (field) => {
      // quality.confidence is a calibrated score, not a hand-written fact: checked apart below.
      const { confidence: _computed, ...quality } = record.quality;
      expect(field === 'quality' ? quality : record[field]).toEqual(e.record[field]);
    });

    it('is a confident extraction (every seed is a clean article)', () => {
      expect(record.quality.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
    });

    it('text, contentHash, id follow from the fields by the contract', () => {
      const d = derivedFields(e);
      expect(record.text).toBe(d.text);
      expect(record.contentHash).toBe(d.contentHash);
      expect(record.id).toBe(d.id);
      expect(record.simhash).toMatch(/^[0-9a-f]{16}$/);
      expect(record.normalizerVersion).toBe(NORMALIZER_VERSION);
    });

    it('passes the record schema', () => {
      expect(() => NewsRecord.parse(record)).not.toThrow();
    });
  });
});

describe('year inference needs a reference', () => {
  it.each(['seeds/000_0bd5e5fca5af9d22.txt', 'seeds/001_7b4567f576345d14.txt', 'seeds/004_9102397643b9cae0.txt'])(
    '%s without --fetched-at keeps the date but invents no year',
    (input) => {
      const record = normalize(new Uint8Array(readFileSync(join(REPO_ROOT, input))), {});
      expect(record.published).not.toBeNull();
      expect(record.published!.year).toBeNull();
      expect(record.published!.yearInferred).toBe(false);
      expect(record.publishedAt).toBeNull();
      expect(record.quality.warnings.some((w) => w.includes('no year'))).toBe(true);
    },
  );

  it('takes the latest year that does not put the date in the future', () => {
    const bytes = new Uint8Array(readFileSync(join(REPO_ROOT, 'seeds/000_0bd5e5fca5af9d22.txt')));
    // Fetched on 10 January 2022: 12月15日 is last December, not the coming one.
    expect(normalize(bytes, { fetchedAt: '2022-01-10T08:00:00+08:00' }).published?.year).toBe(2021);
    // Fetched on the day itself (China time): same year.
    expect(normalize(bytes, { fetchedAt: '2021-12-15T01:00:00Z' }).published?.year).toBe(2021);
    // Fetched the day before (China time), the date would be in the future: previous year.
    expect(normalize(bytes, { fetchedAt: '2021-12-14T15:00:00Z' }).published?.year).toBe(2020);
  });
});
