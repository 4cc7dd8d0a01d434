/**
 * `jsnews normalize [--url URL] [--fetched-at ISO8601] [--charset LABEL] FILE...` — exactly as CONTRACT.md fixes it:
 * one JSON line per input, in input order, `input` set to FILE as given; a failed input prints
 * `{"input": FILE, "error": {"code", "message"}}` and the run goes on; exit status 1 if any input failed.
 * Touches no network and no store.
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { z } from 'zod';
import { resolveCharsetLabel } from '../normalize/decode/charset.js';
import { MAX_INPUT_BYTES } from '../normalize/decode/input-kind.js';
import { ErrorCode, JsnewsError, toJsnewsError } from '../contract/errors.js';
import type { PageContext } from '../contract/record.js';
import { EXIT_FAILED, parseOptions, usageError, type CliCommand } from './framework.js';

const Options = z.object({
  '--url': z
    .string()
    .url('must be an absolute URL')
    .refine((u) => /^https?:/i.test(u), 'must be http(s)')
    .optional(),
  '--fetched-at': z
    .string()
    .refine((s) => /^\d{4}-\d\d-\d\d/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time, e.g. 2024-02-21T08:00:00+08:00')
    .optional(),
  '--charset': z
    .string()
    .refine((c) => resolveCharsetLabel(c) !== null, (c) => ({ message: `"${c}" is not a charset label Node can decode (try gbk, gb18030, big5, utf-8)` }))
    .optional(),
});

export const command: CliCommand = {
  name: 'normalize [files...]',
  summary: 'normalize page files to contract records (JSON Lines); no network, no store',
  description:
    'Normalize raw page files (.html in any charset, or a .txt capture) to records, one JSON line per input in input order, with "input" set to FILE as given. A failed input prints {"input": FILE, "error": {"code", "message"}} and the run goes on. Exit status 1 if any input failed, 0 otherwise, 2 for bad options. Touches no network and no store.',
  examples: [
    'jsnews normalize seeds/002_dfb4da28d1e41213.txt',
    'jsnews normalize --fetched-at 2024-02-21T09:00:00+08:00 page.html other.html',
    'jsnews normalize --url https://www.jssuxun.example/html/2024/jiangsu_0220/52317.html --charset gbk page.html',
  ],
  configure(cmd) {
    cmd
      .option('--url <url>', 'the URL the page was fetched from (site detection, canonical URL, relative links)')
      .option('--fetched-at <iso8601>', 'when it was fetched (year inference); without it no year is invented')
      .option('--charset <label>', 'the charset an HTTP header would give (gbk, gb18030, big5, utf-8, ...)');
  },
  async run(files, cmd) {
    const opts = parseOptions(Options, cmd);
    if (files.length === 0) throw usageError('no input files');
    const { normalize } = await import('../normalize/index.js');
    const { loadSources, siteHintsForUrl } = await import('../sites/load-sources.js');
    const url = opts['--url'] ?? null;
    // The registry's hints for the URL's site, as the pipeline passes them for its sources.
    const site = url ? siteHintsForUrl(loadSources(), url) : null;
    const ctx: PageContext = { url, fetchedAt: opts['--fetched-at'] ?? null, charset: opts['--charset'] ?? null, site };
    let failed = 0;
    for (const file of files) {
      let line: Record<string, unknown>;
      try {
        line = { input: file, ...normalize(readInput(file), { ...ctx, fileName: file }) };
      } catch (err) {
        const e = toJsnewsError(err);
        line = { input: file, error: { code: e.code, message: e.message } };
        failed++;
      }
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return failed > 0 ? EXIT_FAILED : 0;
  },
};

/** Reads a file, refusing before reading when it is over the normalizer's size limit (memory stays bounded). */
export function readInput(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new JsnewsError(ErrorCode.ReadFailed, `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, false, { cause: err });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new JsnewsError(ErrorCode.ReadFailed, `${file} is a directory`);
    if (stat.size > MAX_INPUT_BYTES) throw new JsnewsError(ErrorCode.InputTooLarge, `input is ${stat.size} bytes; the limit is ${MAX_INPUT_BYTES} bytes (16 MiB)`);
    const buf = Buffer.alloc(stat.size);
    let off = 0;
    while (off < stat.size) {
      const n = readSync(fd, buf, off, stat.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, off);
  } finally {
    closeSync(fd);
  }
}
