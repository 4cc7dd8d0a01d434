/**
 * `jsnews normalize [--url URL] [--fetched-at ISO8601] [--charset LABEL] FILE...` — exactly as CONTRACT.md fixes it:
 * one JSON line per input, in input order, `input` set to FILE as given; a failed input prints
 * `{"input": FILE, "error": {"code", "message"}}` and the run goes on; exit status 1 if any input failed.
 * File inputs touch no network and no store.
 *
 * Beyond files, for trying a page the way `trafilatura -u` does:
 * - an `http(s)://` argument (that is not an existing file) is fetched like a crawl fetches it (robots.txt,
 *   the sources' per-host delays, retries: lambdas/fetch) and normalized with the context ingest gives
 *   (final URL, fetch time, header charset, the source's hints), never stored; `--replay DIR` serves a
 *   recorded tree instead of the network;
 * - `-` reads the page from stdin;
 * - `--manifest FILE` lists inputs with their own `url` / `fetchedAt` / `charset` (JSON Lines or a JSON array).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { resolveCharsetLabel } from '../normalize/decode/charset.js';
import { MAX_INPUT_BYTES } from '../normalize/decode/input-kind.js';
import { ErrorCode, JsnewsError, toJsnewsError } from '../contract/errors.js';
import { formatIssues } from '../contract/zod-issues.js';
import type { NewsRecord } from '../contract/record.js';
import { EXIT_FAILED, parseOptions, usageError, type CliCommand } from './framework.js';
import { defaultJobs, MIN_INPUTS_PER_WORKER, normalizeOnThreads, outputLine, pageRecord, readInput, workerCount, workersBuilt, type FileInput, type OutputLine, type PageDeps } from './normalize-workers.js';
import type { Session } from './session.js';
import type { Fetcher } from '../fetch/types.js';
import type { Source } from '../sites/sources-schema.js';

const HttpUrl = z
  .string()
  .url('must be an absolute URL')
  .refine((u) => /^https?:/i.test(u), 'must be http(s)');
const FetchedAt = z
  .string()
  .refine((s) => /^\d{4}-\d\d-\d\d/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time, e.g. 2024-02-21T08:00:00+08:00');
const Charset = z.string().refine((c) => resolveCharsetLabel(c) !== null, (c) => ({ message: `"${c}" is not a charset label Node can decode (try gbk, gb18030, big5, utf-8)` }));

/** The most worker threads `--jobs` may ask for: past the processors there are they only cost memory (~100 MB each). */
const MAX_JOBS = 64;

const Options = z.object({
  '--url': HttpUrl.optional(),
  '--fetched-at': FetchedAt.optional(),
  '--charset': Charset.optional(),
  '--manifest': z.string().min(1).optional(),
  '--replay': z.string().min(1).optional(),
  '--sources': z.string().min(1).optional(),
  '--jobs': z.coerce.number().int('must be a whole number').min(1).max(MAX_JOBS).optional(),
});

/** One line of a manifest: a page file and the context a crawl would have had for it. */
const ManifestEntry = z.object({ file: z.string().min(1), url: HttpUrl.optional(), fetchedAt: FetchedAt.optional(), charset: Charset.optional() }).strict();
type ManifestEntry = z.infer<typeof ManifestEntry>;

/** What the argument is: a URL to fetch (unless a file of that name exists), stdin, or a file. */
const URL_ARGUMENT = /^https?:\/\//i;
const STDIN_ARGUMENT = '-';

type Input =
  | FileInput
  | { kind: 'stdin'; input: string; url: string | null; fetchedAt: string | null; charset: string | null }
  | { kind: 'url'; input: string };

export const command: CliCommand = {
  name: 'normalize [inputs...]',
  summary: 'normalize pages to contract records (JSON Lines): files, - for stdin, or URLs fetched politely; nothing stored',
  description:
    'Normalize raw page files (.html in any charset, or a .txt capture) to records, one JSON line per input in input order, with "input" set to the input as given. A failed input prints {"input": INPUT, "error": {"code", "message"}} and the run goes on. Exit status 1 if any input failed, 0 otherwise, 2 for bad options. File inputs touch no network and no store. ' +
    'An http(s):// URL is fetched the way a crawl fetches it (robots.txt respected, the sources\' per-host delay, retries) and normalized with the context ingest gives it (final URL, fetch time, header charset, the source\'s hints), never stored; --replay DIR serves a recorded tree offline. "-" reads one page from stdin. --manifest FILE lists page files with their own url, fetchedAt and charset.',
  details: `Manifest (--manifest FILE): JSON Lines, or a JSON array, of
  {"file": "pages/a.html", "url": "https://news.example.cn/a.html", "fetchedAt": "2024-02-21T09:00:00+08:00", "charset": "gbk"}
  "file" is relative to the manifest's directory; "url", "fetchedAt" and "charset" are optional and default to
  --url, --fetched-at and --charset. Manifest inputs follow the command-line inputs; "input" is "file" as written.`,
  examples: [
    'jsnews normalize seeds/002_dfb4da28d1e41213.txt',
    'jsnews normalize --fetched-at 2024-02-21T09:00:00+08:00 page.html other.html',
    'jsnews normalize --url https://www.jssuxun.example/html/2024/jiangsu_0220/52317.html --charset gbk page.html',
    'jsnews normalize https://www.example.cn/news/2024/0220/1.html',
    'jsnews normalize --replay seeds/replay/jiangsu http://www.tinghu.example/xwzx/tpxw/201908/t20190813_2161.html',
    'curl -s https://www.example.cn/a.html | jsnews normalize --url https://www.example.cn/a.html -',
    'jsnews normalize --manifest pages/manifest.jsonl',
  ],
  configure(cmd) {
    cmd
      .option('--url <url>', 'the URL a file or stdin page was fetched from (site detection, canonical URL, relative links)')
      .option('--fetched-at <iso8601>', 'when it was fetched (year inference); without it no year is invented')
      .option('--charset <label>', 'the charset an HTTP header would give (gbk, gb18030, big5, utf-8, ...)')
      .option('--manifest <file>', 'page files with their own url / fetchedAt / charset (see below)')
      .option('--replay <dir>', 'URL inputs: serve DIR (a recorded site tree) on 127.0.0.1 instead of the network (its sources.json gives the hints)')
      .option('--sources <file>', 'a sources JSON file instead of the built-in registry (site hints, per-host delays)')
      .option('--jobs <n>', `file inputs: normalize on N threads (this one and N-1 workers), output still in input order (default ${defaultJobs()} here: the processors less one, at least ${MIN_INPUTS_PER_WORKER} files a thread; 1 = no workers)`);
  },
  async run(args, cmd) {
    const opts = parseOptions(Options, cmd);
    const defaults = { url: opts['--url'] ?? null, fetchedAt: opts['--fetched-at'] ?? null, charset: opts['--charset'] ?? null };
    const inputs: Input[] = args.map((a) => classify(a, defaults));
    if (opts['--manifest']) inputs.push(...readManifest(opts['--manifest']).map((e) => manifestInput(e, opts['--manifest']!, defaults)));
    if (inputs.length === 0) throw usageError('no input files (give files, - for stdin, URLs, or --manifest FILE)');
    if (inputs.filter((i) => i.kind === 'stdin').length > 1) throw usageError('"-" (stdin) can be given once');
    const hasUrl = inputs.some((i) => i.kind === 'url');
    if (hasUrl && (opts['--url'] || opts['--fetched-at'])) throw usageError('--url and --fetched-at are for file and stdin inputs: a URL input gets its URL and time from the fetch');
    if (opts['--replay'] && !hasUrl) throw usageError('--replay is for URL inputs (none given)');

    const write = (text: string): boolean => process.stdout.write(text);
    const files = inputs.filter((i): i is FileInput => i.kind === 'file');
    const threads = files.length === inputs.length && workersBuilt() ? workerCount(opts['--jobs'], files.length) : 1;

    const { normalize } = await import('../normalize/index.js');
    const { loadSources, siteHintsForUrl } = await import('../sites/load-sources.js');
    // The fetcher (and replay server) only when a URL is to be fetched; a bad --replay or --sources is a usage error before any output.
    const crawl = hasUrl ? await openCrawl(opts) : null;
    let fileSources: Source[] | null = null;
    const deps: PageDeps = { normalize, siteHints: (url) => siteHintsForUrl(crawl?.sources ?? (fileSources ??= loadSources(opts['--sources'])), url) };
    const recordFor = async (input: Input): Promise<NewsRecord> => {
      if (input.kind === 'url') {
        const { tryPage } = await import('../pipeline/try-page.js');
        const tried = await tryPage(input.input, { fetcher: crawl!.fetcher, normalize }, { site: siteHintsForUrl(crawl!.sources, input.input), charset: opts['--charset'] ?? null });
        if (!tried.ok) throw new JsnewsError(tried.code, tried.message);
        return tried.record;
      }
      if (input.kind === 'stdin') return pageRecord(input, await readStdin(), undefined, deps);
      return pageRecord(input, readInput(input.path), input.input, deps);
    };
    if (threads > 1) {
      const here = (input: FileInput): Promise<OutputLine> => outputLine(input.input, () => recordFor(input));
      const failed = await normalizeOnThreads(files, threads, { sources: opts['--sources'] ?? null }, here, write);
      return failed > 0 ? EXIT_FAILED : 0;
    }
    let failed = 0;
    try {
      for (const input of inputs) {
        const line = await outputLine(input.input, () => recordFor(input));
        if (line.failed) failed++;
        write(line.text);
      }
    } finally {
      await crawl?.session.close();
    }
    return failed > 0 ? EXIT_FAILED : 0;
  },
};

function classify(arg: string, defaults: { url: string | null; fetchedAt: string | null; charset: string | null }): Input {
  if (arg === STDIN_ARGUMENT) return { kind: 'stdin', input: arg, ...defaults };
  if (URL_ARGUMENT.test(arg) && !existsSync(arg)) {
    if (!HttpUrl.safeParse(arg).success) throw usageError(`not a URL: ${arg}`);
    return { kind: 'url', input: arg };
  }
  return { kind: 'file', input: arg, path: arg, ...defaults };
}

function manifestInput(entry: ManifestEntry, manifest: string, defaults: { url: string | null; fetchedAt: string | null; charset: string | null }): Input {
  const path = isAbsolute(entry.file) ? entry.file : resolve(dirname(manifest), entry.file);
  return { kind: 'file', input: entry.file, path, url: entry.url ?? defaults.url, fetchedAt: entry.fetchedAt ?? defaults.fetchedAt, charset: entry.charset ?? defaults.charset };
}

/** Reads and validates a manifest (JSON Lines, or a JSON array); a bad entry is a usage error naming its line. */
export function readManifest(file: string): ManifestEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw usageError(`cannot read manifest ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const entries: { where: string; value: unknown }[] = [];
  if (text.trimStart().startsWith('[')) {
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch (err) {
      throw usageError(`manifest ${file} is not valid JSON: ${(err as Error).message}`);
    }
    (list as unknown[]).forEach((value, i) => entries.push({ where: `${file}[${i}]`, value }));
  } else {
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        entries.push({ where: `${file}:${i + 1}`, value: JSON.parse(line) });
      } catch {
        throw usageError(`${file}:${i + 1}: not a JSON object`);
      }
    });
  }
  return entries.map(({ where, value }) => {
    const parsed = ManifestEntry.safeParse(value);
    if (!parsed.success) throw usageError(`${where}: ${formatIssues(parsed.error)}`);
    return parsed.data;
  });
}

async function openCrawl(opts: { '--replay'?: string; '--sources'?: string }): Promise<{ session: Session; fetcher: Fetcher; sources: Source[] }> {
  const { Session, prepareCrawl } = await import('./session.js');
  const session = new Session();
  try {
    const { sources, fetcher } = await prepareCrawl(session, opts);
    return { session, fetcher, sources };
  } catch (err) {
    await session.close();
    throw err;
  }
}

/** Reads stdin to its end, refusing past the normalizer's size limit. */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw new JsnewsError(ErrorCode.InputTooLarge, `input is over the limit of ${MAX_INPUT_BYTES} bytes (16 MiB)`);
    chunks.push(chunk as Buffer);
  }
  const buf = Buffer.concat(chunks);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}
