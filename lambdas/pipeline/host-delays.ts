/** Per-host crawl delays from the sources' politeness settings: what the HTTP fetcher's host gate waits between requests. */
import type { Source } from '../sites/sources-schema.js';

export function hostDelays(sources: readonly Source[]): Record<string, number> {
  return Object.fromEntries(sources.flatMap((s) => s.hosts.map((h) => [h, s.politeness.delayMs] as const)));
}
