/**
 * The replay tree's manifest (dir/manifest.json): which hosts are served and how particular
 * paths behave. Layout and examples: seeds/replay/README.md.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseInput } from '../../contract/zod-issues.js';
import { ErrorCode, JsnewsError } from '../../contract/errors.js';

export const MANIFEST_FILE = 'manifest.json';

const PathKey = z.string().startsWith('/', 'path keys start with "/" (path and optional ?query)');
const RelativeFile = z
  .string()
  .min(1)
  .refine((f) => !f.startsWith('/') && !f.split('/').includes('..'), 'a file path relative to the host folder, without ".."');
const HeaderDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an HTTP date, e.g. "Thu, 16 Dec 2021 08:00:00 GMT"');

export const PageVersion = z.object({
  /** Served once the server's generation is >= this. */
  fromGeneration: z.number().int().min(0),
  file: RelativeFile,
  etag: z.string().optional(),
  lastModified: HeaderDate.optional(),
});

export const PathBehaviour = z
  .object({
    /** File under dir/<host>/ (default: the path itself, `index.html` for a path ending in "/"). */
    file: RelativeFile.optional(),
    /** Content-Type header for this path; null sends none. Default: by extension, else the site's. */
    contentType: z.string().nullable().optional(),
    /** Answer with this status (e.g. 404, 410, 500); the file is the body when it exists. */
    status: z.number().int().min(200).max(599).optional(),
    redirect: z.object({ to: z.string().min(1), status: z.union([z.literal(301), z.literal(302), z.literal(303), z.literal(307), z.literal(308)]).default(301) }).optional(),
    /** Answer 503 to the first n requests, then normally ("a 503 that recovers"). */
    failTimes: z.number().int().min(0).optional(),
    /** Retry-After (seconds) sent with those 503s. */
    retryAfterSeconds: z.number().int().min(0).optional(),
    etag: z.string().optional(),
    lastModified: HeaderDate.optional(),
    /** A page that changes: the version with the highest fromGeneration <= the server's generation wins. */
    versions: z.array(PageVersion).min(1).optional(),
    note: z.string().optional(),
  })
  .strict();
export type PathBehaviour = z.infer<typeof PathBehaviour>;

export const ReplaySite = z
  .object({
    host: z.string().regex(/^[a-z0-9.-]+$/i, 'a bare host name'),
    /** Content-Type for files whose extension says nothing better (.html, .shtml, no extension). */
    contentType: z.string().default('text/html; charset=utf-8'),
    paths: z.record(PathKey, PathBehaviour).default({}),
  })
  .strict();
export type ReplaySite = z.infer<typeof ReplaySite>;

export const ReplayManifest = z
  .object({
    version: z.literal(1),
    description: z.string().optional(),
    sites: z.array(ReplaySite).min(1),
  })
  .strict();
export type ReplayManifest = z.infer<typeof ReplayManifest>;

/** Reads and validates dir/manifest.json; throws JsnewsError(InvalidArgument) with the bad fields. */
export async function loadManifest(dir: string): Promise<ReplayManifest> {
  const path = join(dir, MANIFEST_FILE);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `cannot read replay manifest ${path}: ${(err as Error).message}`, false, { cause: err });
  }
  return parseInput(ReplayManifest, json, `replay manifest ${path}`);
}
