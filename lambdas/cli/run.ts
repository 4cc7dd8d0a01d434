/**
 * `jsnews run` (npm start): one crawl cycle over the enabled sources, then a summary table.
 *   --replay DIR     serve DIR (a replay tree) on 127.0.0.1 and crawl its sources (DIR/sources.json)
 *   --sources FILE   a sources JSON override instead of the built-in registry
 *   --source ID      only this source (repeatable)
 *   --in-memory      local stores in memory (nothing kept under .jsnews/local)
 *   --json           print the summaries as JSON instead of a table
 * With no AWS configuration (JSNEWS_TABLE, JSNEWS_BUCKET, AWS_REGION) it starts local stores.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../contract/config.js';
import { createHttpFetcher } from '../fetch/index.js';
import type { FetcherOptionsInput } from '../fetch/options.js';
import type { Fetcher } from '../fetch/types.js';
import { openStores, type OpenStores } from '../dev/open-stores.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { createDefaultDeps } from '../pipeline/default-deps.js';
import { runCycle } from '../pipeline/run-cycle.js';
import { startReplayServer, replayFetcherOptions, type ReplayServer } from '../dev/replay/index.js';
import { loadSources } from '../sites/load-sources.js';
import type { Source } from '../sites/sources-schema.js';
import { createProgressDisplay, formatSummaryTable, parseCliArgs, runCommand, validate } from './pipeline-output.js';

const Args = z.object({
  replay: z.string().min(1).optional(),
  sources: z.string().min(1).optional(),
  source: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/)).optional(),
  'in-memory': z.boolean().optional(),
  json: z.boolean().optional(),
});

/** Per-host politeness delays from the sources, for the fetcher. */
export function hostDelays(sources: readonly Source[]): Record<string, number> {
  return Object.fromEntries(sources.flatMap((s) => s.hosts.map((h) => [h, s.politeness.delayMs] as const)));
}

export function selectSources(all: Source[], ids: string[] | undefined): Source[] {
  if (!ids?.length) return all.filter((s) => s.enabled);
  const unknown = ids.filter((id) => !all.some((s) => s.id === id));
  if (unknown.length) throw new JsnewsError(ErrorCode.InvalidArgument, `unknown source: ${unknown.join(', ')}`);
  return all.filter((s) => ids.includes(s.id)).map((s) => ({ ...s, enabled: true }));
}

/** Everything a store-side command holds open, closed in reverse order, also on SIGINT/SIGTERM. */
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
export async function prepareCrawl(session: Session, opts: { replay?: string; sources?: string }, fetcherExtra: FetcherOptionsInput = {}) {
  let sources: Source[];
  let fetcherOptions: FetcherOptionsInput = { ...fetcherExtra };
  if (opts.replay) {
    session.replay = await startReplayServer(opts.replay);
    sources = loadSources(opts.sources ?? join(opts.replay, 'sources.json'));
    fetcherOptions = { ...fetcherOptions, ...replayFetcherOptions(session.replay) };
  } else {
    sources = loadSources(opts.sources);
  }
  session.fetcher = createHttpFetcher({ ...fetcherOptions, hostDelayMs: hostDelays(sources) });
  return { sources, fetcher: session.fetcher };
}

export async function main(argv: string[]): Promise<number> {
  return runCommand('run', async () => {
    const { values } = parseCliArgs(argv, {
      replay: { type: 'string' },
      sources: { type: 'string' },
      source: { type: 'string', multiple: true },
      'in-memory': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const args = validate(Args, values);
    const session = new Session();
    try {
      const { sources, fetcher } = await prepareCrawl(session, args);
      const selected = selectSources(sources, args.source);
      session.opened = await openStores(loadConfig(), { inMemory: args['in-memory'] });
      const deps = createDefaultDeps(session.opened.stores, fetcher);
      const progress = createProgressDisplay(process.stderr);
      const summaries = await runCycle(selected, deps, {
        onProgress: (e) => progress.update(e.sourceId, e.done, e.total),
      });
      progress.stop();
      process.stdout.write(args.json ? `${JSON.stringify(summaries)}\n` : `${formatSummaryTable(summaries)}\n`);
      return 0;
    } finally {
      await session.close();
    }
  });
}
