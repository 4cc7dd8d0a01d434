/**
 * A scheduled discover run for one source, fanned out: read its start pages (as a cycle does),
 * then plan the article URLs (backoff honoured, due failures retried) and return them as fetch
 * work instead of ingesting them inline: pipeline/run-cycle.ts's planSource, enqueued.
 */
import type { PipelineDeps } from './deps.js';
import { planSource } from './run-cycle.js';
import type { SourceSummary } from './summary.js';
import type { Source } from '../sites/sources-schema.js';
import type { ArticleWork } from './work-items.js';

export interface DiscoverPlan {
  /** Article links the start pages listed (de-duplicated), before backoff. */
  listed: number;
  work: ArticleWork[];
  summary: SourceSummary;
}

export async function planDiscover(source: Source, deps: PipelineDeps): Promise<DiscoverPlan> {
  const { summary, failures, queue } = await planSource(source, deps);
  const work = queue.map((url): ArticleWork => ({ kind: 'article', url, sourceId: source.id, mayHaveFailure: failures.has(url) }));
  return { listed: summary.discovered, work, summary };
}
