/**
 * The pipeline's normalize pool (pipeline/normalize-pool.ts): a record made on a worker thread is the record the
 * normalizer makes on this one (seed pages), a refused page comes back as the same JsnewsError (code, message,
 * retryable), and a closed pool refuses new work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalize } from '../../../lambdas/normalize/index.js';
import { createNormalizePool } from '../../../lambdas/pipeline/normalize-pool.js';
import { JsnewsError } from '../../../lambdas/contract/errors.js';
import type { PageContext } from '../../../lambdas/contract/record.js';

const SEEDS = 'seeds/html';
/** A few seed pages: enough to cross the worker boundary with real records, few enough for a unit test. */
const PAGES = 4;
const pool = createNormalizePool(1);
afterAll(async () => {
  await pool.close();
});

const ctx = (file: string): PageContext => ({ url: `http://seed.example/${file}`, fetchedAt: '2026-01-01T00:00:00.000Z', charset: null, site: null });

describe('normalize pool', () => {
  it('makes on its worker the records this thread makes', async () => {
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.html')).sort().slice(0, PAGES);
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(SEEDS, f)));
      expect(JSON.stringify(await pool.normalize(bytes, ctx(f)))).toBe(JSON.stringify(normalize(bytes, ctx(f))));
    }
  }, 60_000);

  it('hands back a refused page as the JsnewsError the normalizer threw', async () => {
    const bytes = new TextEncoder().encode('<html><body><p>短</p></body></html>');
    let here: unknown;
    try {
      normalize(bytes, ctx('empty.html'));
    } catch (err) {
      here = err;
    }
    expect(here).toBeInstanceOf(JsnewsError);
    const there = await pool.normalize(bytes, ctx('empty.html')).catch((err: unknown) => err);
    expect(there).toBeInstanceOf(JsnewsError);
    const { code, message, retryable } = here as JsnewsError;
    expect(there).toMatchObject({ code, message, retryable });
  }, 60_000);

  it('refuses work once closed', async () => {
    const closing = createNormalizePool(1);
    await closing.close();
    await expect(closing.normalize(new Uint8Array(), ctx('x.html'))).rejects.toThrow(/closed/);
  });
});
