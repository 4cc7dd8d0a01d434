/**
 * Sources for offline runs against the replay tree (seeds/replay/jiangsu): the fixture hosts of
 * sources.ts, enabled, with a short politeness delay (the replay server is local).
 */
import { parseSources } from './load-sources.js';
import type { Source } from './sources-schema.js';
import { SOURCES } from './sources.js';

/** Hosts served by the replay tree. */
export const REPLAY_HOSTS = [
  'www.woaijiangsu.example',
  'www.jinshanwang.example',
  'www.jssuxun.example',
  'www.zjchanye.example',
  'www.tinghu.example',
] as const;

// Replay is local, so a long delay only slows tests; keep a small one so spacing stays observable.
const REPLAY_DELAY_MS = 50;

/** The replay sources, validated. `delayMs` overrides the politeness delay (e.g. 0 for benchmarks). */
export function replaySources(delayMs: number = REPLAY_DELAY_MS): Source[] {
  const hosts = new Set<string>(REPLAY_HOSTS);
  const entries = SOURCES.filter((s) => s.hosts.some((h) => hosts.has(h))).map((s) => ({
    ...s,
    enabled: true,
    politeness: { delayMs, maxConcurrency: 1 as const },
  }));
  return parseSources(entries, 'lambdas/sites/replay-sources.ts');
}
