/**
 * The region reader builds its place forms (every province, city and district name and short form, and their trie) on
 * the first text it reads, not when the module loads: ~35 ms CPU at the start of every process, which a run over
 * pages without Han text never needs.
 */
import { describe, expect, it, vi } from 'vitest';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../lambdas/normalize/data/china-regions.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../lambdas/normalize/data/china-regions.js')>();
  return {
    ...original,
    CHINA_REGIONS: {
      ...original.CHINA_REGIONS,
      get provinces() {
        reads.count++;
        return original.CHINA_REGIONS.provinces;
      },
    },
  };
});

describe('region forms', () => {
  it('are built on the first read, not at module load', async () => {
    const { findRegion } = await import('../../../../lambdas/normalize/enrich/region.js');
    expect(reads.count).toBe(0);
    expect(findRegion({ title: '南京市举行新春招聘会', paragraphs: ['南京市今天举行新春招聘会，南京各区企业参加。'] })).toMatchObject({ province: '江苏', city: '南京' });
    expect(reads.count).toBeGreaterThan(0);
  });
});
