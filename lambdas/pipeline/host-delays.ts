/** Per-host crawl delays from the sources' politeness settings: what the HTTP fetcher's host gate waits between requests. */
import type { Source } from '../sites/sources-schema.js';

export function hostDelays(sources: readonly Source[]): Record<string, number> {
  return Object.fromEntries(sources.flatMap((s) => s.hosts.map((h) => [h, s.politeness.delayMs] as const)));
}

/** The configured delay of a URL's host (host[:port] first, then the host name, as the fetcher looks it up); 0 for an unknown host. */
export function hostDelayOf(sources: readonly Source[]): (url: string) => number {
  const delays = hostDelays(sources);
  return (url) => {
    try {
      const u = new URL(url);
      return delays[u.host] ?? delays[u.hostname] ?? 0;
    } catch {
      return 0;
    }
  };
}
