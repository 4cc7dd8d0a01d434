/**
 * What a crawling command holds open (replay server, fetcher, stores), loaded only when such a
 * command runs: preparing a crawl, closing everything in reverse order (also on SIGINT/SIGTERM).
 */
import { join } from 'node:path';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { OpenStores } from '../dev/open-stores.js';
import { startReplayServer, replayFetcherOptions, type ReplayServer } from '../dev/replay/index.js';
import { createHttpFetcher } from '../fetch/index.js';
import type { FetcherOptionsInput } from '../fetch/options.js';
import type { Fetcher } from '../fetch/types.js';
import { loadSources } from '../sites/load-sources.js';
import { hostDeadlines, type Source } from '../sites/sources-schema.js';
import { hostDelays } from '../pipeline/host-delays.js';
import type { PipelineDeps } from '../pipeline/deps.js';

export function selectSources(all: Source[], ids: string[] | undefined): Source[] {
  if (!ids?.length) return all.filter((s) => s.enabled);
  const unknown = ids.filter((id) => !all.some((s) => s.id === id));
  if (unknown.length) throw new JsnewsError(ErrorCode.InvalidArgument, `unknown source: ${unknown.join(', ')} (jsnews sources list shows them)`);
  return all.filter((s) => ids.includes(s.id)).map((s) => ({ ...s, enabled: true }));
}

export class Session {
  replay: ReplayServer | null = null;
  fetcher: Fetcher | null = null;
  opened: OpenStores | null = null;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\njsnews: ${signal}, stopping (state is in the stores; run again to resume)\n`);
    void this.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  constructor() {
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }
  async close(): Promise<void> {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    const { fetcher, replay, opened } = this;
    this.fetcher = this.replay = this.opened = null;
    await fetcher?.close();
    await replay?.close();
    await opened?.close();
  }
}

/** Starts the replay server (if asked), loads sources and builds the fetcher for them. */
export async function prepareCrawl(session: Session, opts: { '--replay'?: string; '--sources'?: string; '--now'?: string }, fetcherExtra: FetcherOptionsInput = {}) {
  let sources: Source[];
  let fetcherOptions: FetcherOptionsInput = { ...fetcherExtra };
  const replay = opts['--replay'];
  if (replay) {
    // --now also sets the replay tree's clock, so its time-based versions are served as of then.
    const now = opts['--now'] ? new Date(opts['--now']) : null;
    session.replay = await startReplayServer(replay, now ? { clock: () => now } : {});
    sources = loadSources(opts['--sources'] ?? join(replay, 'sources.json'));
    fetcherOptions = { ...fetcherOptions, ...replayFetcherOptions(session.replay) };
  } else {
    sources = loadSources(opts['--sources']);
  }
  session.fetcher = createHttpFetcher({ ...fetcherOptions, hostDelayMs: hostDelays(sources), hostDeadlineMs: hostDeadlines(sources) });
  return { sources, fetcher: session.fetcher };
}

/**
 * The set-up of a command that crawls into the stores (`run`, `revisit`): the fetcher (and replay server),
 * the selected sources, the stores, and the pipeline's deps with the command's clock.
 */
export async function prepareCrawlCommand(
  session: Session,
  opts: { '--replay'?: string; '--sources'?: string; '--now'?: string; '--source'?: string[]; '--home'?: string; '--in-memory'?: boolean },
): Promise<{ selected: Source[]; deps: PipelineDeps }> {
  const { sources, fetcher } = await prepareCrawl(session, opts);
  const selected = selectSources(sources, opts['--source']);
  const [{ openCommandStores }, { createDefaultDeps }] = await Promise.all([import('./open.js'), import('../pipeline/default-deps.js')]);
  session.opened = await openCommandStores(opts);
  return { selected, deps: { ...createDefaultDeps(session.opened.stores, fetcher), clock: commandClock(opts['--now']) } };
}

/** The pipeline clock for a command: fixed at --now when given (a simulated clock), else the system clock. */
export function commandClock(now: string | undefined): () => Date {
  if (!now) return () => new Date();
  const fixed = new Date(now);
  return () => new Date(fixed.getTime());
}
