/**
 * A scheduled discover run for one source, fanned out: read its start pages (as a cycle does),
 * then plan the article URLs (backoff honoured, due failures retried) and return them as fetch
 * work instead of ingesting them inline. Mirrors pipeline/run-cycle.ts's first half.
 */
import type { PipelineDeps } from '../pipeline/deps.js';
import { readListPage } from '../pipeline/list-pages.js';
import { countFailure, emptySummary, type SourceSummary } from '../pipeline/summary.js';
import type { Source } from '../sites/sources-schema.js';
import type { FailureItem } from '../store/ports.js';
import type { ArticleWork } from './work-items.js';

export interface DiscoverPlan {
  /** Article links the start pages listed (de-duplicated), before backoff. */
  listed: number;
  work: ArticleWork[];
  summary: SourceSummary;
}

export async function planDiscover(source: Source, deps: PipelineDeps): Promise<DiscoverPlan> {
  const summary = emptySummary(source.id);
  const failures = new Map((await deps.stores.failures.listBySource(source.id)).map((f) => [f.url, f] as const));
  const discovered = new Set<string>();
  for (const start of source.startPages) {
    const page = await readListPage(start.url, start.kind, source, deps, failures.has(start.url));
    if (!page.ok) countFailure(summary, page.code);
    else for (const link of page.links) discovered.add(link);
  }
  summary.discovered = discovered.size;
  const urls = planUrls(discovered, failures, deps.clock(), summary);
  const work = urls.map((url): ArticleWork => ({ kind: 'article', url, sourceId: source.id, mayHaveFailure: failures.has(url) }));
  return { listed: discovered.size, work, summary };
}

/** Discovered URLs not held back by backoff, then due article failures not already planned. */
function planUrls(discovered: Set<string>, failures: Map<string, FailureItem>, now: Date, summary: SourceSummary): string[] {
  const nowIso = now.toISOString();
  const urls: string[] = [];
  for (const url of discovered) {
    const f = failures.get(url);
    if (f && f.nextRetryAt > nowIso) summary.deferred++;
    else urls.push(url);
  }
  for (const f of failures.values()) {
    if (f.stage === 'list' || discovered.has(f.url) || f.nextRetryAt > nowIso) continue;
    urls.push(f.url);
    summary.retried++;
  }
  return urls;
}
