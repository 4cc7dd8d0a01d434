/**
 * `jsnews normalize [--url URL] [--fetched-at ISO8601] [--charset LABEL] FILE...` — exactly as CONTRACT.md fixes it:
 * one JSON line per input, in input order, `input` set to FILE as given; a failed input prints
 * `{"input": FILE, "error": {"code", "message"}}` and the run goes on; exit status 1 if any input failed.
 * Touches no network and no store.
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { resolveCharsetLabel } from '../normalize/decode/charset.js';
import { MAX_INPUT_BYTES } from '../normalize/decode/input-kind.js';
import { ErrorCode, JsnewsError, toJsnewsError } from '../contract/errors.js';
import { normalize } from '../normalize/index.js';
import type { PageContext } from '../contract/record.js';
import { formatZodError } from './args.js';

const USAGE = 'usage: jsnews normalize [--url URL] [--fetched-at ISO8601] [--charset LABEL] FILE...';

const Options = z.object({
  url: z
    .string()
    .url('--url must be an absolute URL')
    .refine((u) => /^https?:/i.test(u), '--url must be http(s)')
    .optional(),
  'fetched-at': z
    .string()
    .refine((s) => /^\d{4}-\d\d-\d\d/.test(s) && !Number.isNaN(Date.parse(s)), '--fetched-at must be an ISO 8601 date-time, e.g. 2024-02-21T08:00:00+08:00')
    .optional(),
  charset: z
    .string()
    .refine((c) => resolveCharsetLabel(c) !== null, (c) => ({ message: `--charset "${c}" is not a charset label Node can decode (try gbk, gb18030, big5, utf-8)` }))
    .optional(),
});

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { url: { type: 'string' }, 'fetched-at': { type: 'string' }, charset: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const opts = Options.safeParse(parsed.values);
  if (!opts.success) {
    process.stderr.write(`${formatZodError(opts.error)}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(`no input files\n${USAGE}\n`);
    return 2;
  }
  const ctx: PageContext = { url: opts.data.url ?? null, fetchedAt: opts.data['fetched-at'] ?? null, charset: opts.data.charset ?? null };
  let failed = 0;
  for (const file of parsed.positionals) {
    const line = normalizeFile(file, ctx);
    if ('error' in line) failed++;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failed > 0 ? 1 : 0;
}

export function normalizeFile(file: string, ctx: PageContext): Record<string, unknown> {
  try {
    const bytes = readInput(file);
    return { input: file, ...normalize(bytes, { ...ctx, fileName: file }) };
  } catch (err) {
    const e = toJsnewsError(err);
    return { input: file, error: { code: e.code, message: e.message } };
  }
}

/** Reads a file, refusing before reading when it is over the normalizer's size limit (memory stays bounded). */
function readInput(file: string): Uint8Array {
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
