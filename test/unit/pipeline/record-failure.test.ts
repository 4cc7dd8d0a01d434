import { describe, expect, it } from 'vitest';
import { recordFailure } from '../../../lambdas/pipeline/record-failure.js';
import type { PipelineDeps, PipelineLogger } from '../../../lambdas/pipeline/deps.js';
import type { FailureInput, FailureStore } from '../../../lambdas/store/ports.js';
import { JsnewsError } from '../../../lambdas/contract/errors.js';

const NOW = new Date('2024-03-01T02:00:00.000Z');
const input: FailureInput = { sourceId: 's', url: 'https://x.example/a.html', stage: 'fetch', code: 'HTTP_STATUS', reason: 'HTTP 404', retryable: false, status: 404 };

function harness(record: FailureStore['record']) {
  const logs: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void logs.push({ level, message, fields });
  const logger: PipelineLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  const failures: FailureStore = { record, clear: async () => {}, listBySource: async () => [], dueFailures: async () => [] };
  const deps = { stores: { failures } as unknown as PipelineDeps['stores'], clock: () => NOW, logger };
  return { deps, logs };
}

describe('recordFailure', () => {
  it('records the failure at the clock time and logs it as a warning', async () => {
    const seen: [FailureInput, Date][] = [];
    const { deps, logs } = harness(async (i, now) => {
      seen.push([i, now]);
      return { ...i, status: i.status ?? null, attempts: 1, firstFailedAt: now.toISOString(), lastFailedAt: now.toISOString(), nextRetryAt: now.toISOString() };
    });
    await recordFailure(deps, input, 'ingest failed');
    expect(seen).toEqual([[input, NOW]]);
    expect(logs).toEqual([{ level: 'warn', message: 'ingest failed', fields: { url: input.url, stage: 'fetch', code: 'HTTP_STATUS', reason: 'HTTP 404' } }]);
  });

  it('never throws when the failures store is down: the error is logged, then the failure', async () => {
    const { deps, logs } = harness(async () => {
      throw new JsnewsError('STORE_FAILED', 'DynamoDB put failure: connect ECONNREFUSED', true);
    });
    await expect(recordFailure(deps, input, 'list page failed')).resolves.toBeUndefined();
    expect(logs.map((l) => [l.level, l.message])).toEqual([
      ['error', 'could not record failure'],
      ['warn', 'list page failed'],
    ]);
    expect(logs[0]!.fields?.error).toBe('DynamoDB put failure: connect ECONNREFUSED');
  });
});
