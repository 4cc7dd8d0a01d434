import { describe, expect, it } from 'vitest';
import { runOutcome } from '../../../lambdas/cli/pipeline-output.js';
import { emptySummary } from '../../../lambdas/pipeline/summary.js';

const summary = (id: string, counts: Partial<ReturnType<typeof emptySummary>>) => ({ ...emptySummary(id), ...counts });

describe('run outcome (exit status of run and backfill)', () => {
  it('fails when our own stores failed, even if other pages were stored (DynamoDB died mid-run)', () => {
    const outcome = runOutcome([summary('a', { fetched: 3, new: 1, failed: { STORE_FAILED: 2 } }), summary('b', { failed: { STORE_FAILED: 1 } })]);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^3 URL\(s\) or source\(s\) failed on our own stores \(STORE_FAILED\)/);
  });

  it('a site failing (404) while others are stored is not a failed run', () => {
    expect(runOutcome([summary('a', { fetched: 1, new: 1 }), summary('b', { failed: { HTTP_STATUS: 4 } })]).ok).toBe(true);
  });
});
