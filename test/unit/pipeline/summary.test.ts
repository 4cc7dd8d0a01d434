import { describe, expect, it } from 'vitest';
import { addResult, countFailure, emptySummary } from '../../../lambdas/pipeline/summary.js';
import type { IngestResult } from '../../../lambdas/pipeline/ingest.js';

const timings = { fetchMs: 0, archiveMs: 0, normalizeMs: 0, storeMs: 0 };

describe('source summary', () => {
  it('starts at zero', () => {
    expect(emptySummary('s')).toEqual({ sourceId: 's', discovered: 0, retried: 0, deferred: 0, fetched: 0, unchanged: 0, new: 0, updated: 0, failed: {} });
  });

  it('counts outcomes, fetches with a body, and failures by code', () => {
    const s = emptySummary('s');
    const results: IngestResult[] = [
      { url: 'a', status: 'new', fetched: true, timings },
      { url: 'b', status: 'unchanged', unchangedBy: 'not-modified', fetched: false, timings },
      { url: 'c', status: 'updated', fetched: true, timings },
      { url: 'd', status: 'failed', stage: 'fetch', code: 'HTTP_STATUS', reason: 'HTTP 404', retryable: false, fetched: false, timings },
      { url: 'e', status: 'failed', stage: 'store', code: 'STORE_FAILED', reason: 'S3 down', retryable: true, fetched: true, timings },
    ];
    for (const r of results) addResult(s, r);
    countFailure(s, 'HTTP_STATUS');
    expect(s).toMatchObject({ fetched: 3, new: 1, unchanged: 1, updated: 1, failed: { HTTP_STATUS: 2, STORE_FAILED: 1 } });
  });
});
