/**
 * `jsnews sources list`: the sources a crawl would use (the built-in registry, --sources FILE or --replay DIR).
 * `jsnews sources check ID|FILE`: fetch a source's start pages, show the article links discovery finds and the
 * records of the first few, and flag what looks wrong (pipeline/check-source.ts); nothing is stored.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { SourceCheck } from '../pipeline/check-source.js';
import { EXIT_FAILED, addSubcommand, parseOptions, type CliCommand } from './framework.js';
import { addCrawlOptions, CrawlFlags, PositiveInt } from './store-options.js';

const Options = z.object({ ...CrawlFlags, '--json': z.boolean().optional() });

const list: CliCommand = {
  name: 'list',
  summary: 'list the sources: id, name, enabled, hosts, start pages, schedule',
  examples: ['jsnews sources list', 'jsnews sources list --replay seeds/replay/jiangsu', 'jsnews sources list --json'],
  configure: (cmd) => addCrawlOptions(cmd).option('--json', 'print the validated sources as JSON'),
  async run(_args, cmd) {
    const opts = parseOptions(Options, cmd);
    const [{ loadSources }, { join }, { formatTable }] = await Promise.all([import('../sites/load-sources.js'), import('node:path'), import('./pipeline-output.js')]);
    const sources = loadSources(opts['--sources'] ?? (opts['--replay'] ? join(opts['--replay'], 'sources.json') : undefined));
    if (opts['--json']) {
      process.stdout.write(`${JSON.stringify(sources)}\n`);
      return 0;
    }
    const rows = sources.map((s) => [s.id, s.name, s.enabled ? 'yes' : 'no', s.hosts.join(' '), String(s.startPages.length), s.schedule]);
    process.stdout.write(`${formatTable(['id', 'name', 'enabled', 'hosts', 'startPages', 'schedule'], rows)}\n`);
    return 0;
  },
};

/** Article links printed per start page in the text report (--json has them all). */
const LINKS_SHOWN = 10;
/** Characters of the body shown per sampled article. */
const TEXT_PREVIEW_CHARS = 60;
/** Most articles `--articles` fetches: a check is a look, not a crawl. */
const MAX_CHECK_ARTICLES = 20;

const CheckOptions = z.object({ ...CrawlFlags, '--json': z.boolean().optional(), '--articles': PositiveInt.pipe(z.number().max(MAX_CHECK_ARTICLES, `must be at most ${MAX_CHECK_ARTICLES}`)).optional() });

const check: CliCommand = {
  name: 'check <source>',
  summary: 'try a source: its start pages, the article links found, the records of the first three, what looks wrong',
  description:
    'Fetch the start pages of one source (an id from the registry, or a sources JSON FILE being written: every source in it), politely as a crawl does (robots.txt, the source\'s delay), show the article links discovery finds on each, fetch and normalize the first three links, and flag what looks wrong: a start page that fails or gives no links, list pages taken for articles (a start/list page among the links, a page the normalizer finds no article on, samples sharing one title), articles without a date, with a low confidence, or failing. Nothing is stored. Exit 1 when an error or warning was flagged, 0 when it looks fine.',
  details: `Flags: error START_PAGE_FAILED, NO_LINKS, LIST_PAGE_AS_ARTICLE; warning ARTICLE_FAILED, NO_DATE, LOW_CONFIDENCE;
note NO_URL_DATES (no link carries a date in its URL: backfill --from/--to cannot pick its articles by day).`,
  examples: ['jsnews sources check jschina-jsnews', 'jsnews sources check --replay seeds/replay/jiangsu tinghu', 'jsnews sources check my-site.json', 'jsnews sources check tinghu --replay seeds/replay/jiangsu --json'],
  configure: (cmd) =>
    addCrawlOptions(cmd)
      .option('--articles <n>', `how many of the first article links to fetch and normalize (default 3, at most ${MAX_CHECK_ARTICLES})`)
      .option('--json', 'print the checks as JSON (every link, the full records, the flags)'),
  async run(args, cmd) {
    const opts = parseOptions(CheckOptions, cmd);
    const target = args[0]!;
    const [{ Session, prepareCrawl, selectSources }, { checkSource }, { normalize }, { defaultDiscover }] = await Promise.all([
      import('./session.js'),
      import('../pipeline/check-source.js'),
      import('../normalize/index.js'),
      import('../pipeline/discover-default.js'),
    ]);
    // A FILE is a sources file being written: every source in it is checked (and gives the per-host delays).
    const isFile = existsSync(target);
    const session = new Session();
    try {
      const { sources, fetcher } = await prepareCrawl(session, isFile ? { ...opts, '--sources': target } : opts);
      const selected = isFile ? sources : selectSources(sources, [target]);
      const checks: SourceCheck[] = [];
      for (const source of selected) checks.push(await checkSource(source, { fetcher, normalize, discover: defaultDiscover }, { articles: opts['--articles'] }));
      process.stdout.write(opts['--json'] ? `${JSON.stringify(checks)}\n` : checks.map(formatCheck).join('\n'));
      return checks.some((c) => c.flags.some((f) => f.level !== 'note')) ? EXIT_FAILED : 0;
    } finally {
      await session.close();
    }
  },
};

/** The text report of one source check. */
export function formatCheck(c: SourceCheck): string {
  const lines = [`${c.sourceId} (${c.name})`];
  for (const p of c.startPages) {
    if (!p.ok) {
      lines.push(`  start page ${p.url} (${p.kind}): FAILED ${p.error?.code}: ${p.error?.message}`);
      continue;
    }
    lines.push(`  start page ${p.url} (${p.kind}): ${p.links.length} article link(s), ${p.datedLinks} with a date in the URL`);
    for (const l of p.links.slice(0, LINKS_SHOWN)) lines.push(`    ${l}`);
    if (p.links.length > LINKS_SHOWN) lines.push(`    … ${p.links.length - LINKS_SHOWN} more (--json lists them all)`);
  }
  if (c.articles.length) lines.push(`  first ${c.articles.length} article(s):`);
  for (const a of c.articles) {
    lines.push(`    ${a.url}`);
    if (!a.record) {
      lines.push(`      FAILED       ${a.error?.stage} ${a.error?.code}: ${a.error?.message}`);
      continue;
    }
    const r = a.record;
    const credits = [r.site.name ? `site ${r.site.name}` : `site ${r.site.host}`, r.source ? `source ${r.source}` : null, r.authors.length ? `authors ${r.authors.join('、')}` : null].filter(Boolean).join(' · ');
    const confidence = typeof r.quality.confidence === 'number' ? r.quality.confidence.toFixed(2) : '-';
    const preview = r.text.length > TEXT_PREVIEW_CHARS ? `${r.text.slice(0, TEXT_PREVIEW_CHARS).replace(/\n/g, ' ')}…` : r.text.replace(/\n/g, ' ');
    lines.push(`      title        ${r.title}`, `      publishedAt  ${r.publishedAt ?? '-'}`, `      credits      ${credits}`, `      confidence   ${confidence} · ${r.paragraphs.length} paragraph(s), ${r.text.length} characters`, `      text         ${preview}`);
  }
  const problems = c.flags.filter((f) => f.level !== 'note');
  if (c.flags.length) {
    lines.push('  flags:');
    for (const f of c.flags) lines.push(`    ${f.level.padEnd(7)} ${f.code}${f.url ? ` ${f.url}` : ''}: ${f.message}`);
  }
  const errors = problems.filter((f) => f.level === 'error').length;
  lines.push(problems.length ? `  ${errors} error(s), ${problems.length - errors} warning(s)` : '  looks fine');
  return `${lines.join('\n')}\n`;
}

export const command: CliCommand = {
  name: 'sources',
  summary: 'list the sources a crawl uses; check one before adding it',
  description: 'The sources registry: built in (lambdas/sites/sources.ts), or a JSON file given with --sources, or a replay tree\'s sources.json with --replay.',
  examples: ['jsnews sources list', 'jsnews sources check --replay seeds/replay/jiangsu tinghu'],
  configure(cmd) {
    addSubcommand(cmd, list);
    addSubcommand(cmd, check);
  },
};
