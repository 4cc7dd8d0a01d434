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

const IsoTime = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'an ISO 8601 time with offset, e.g. "2026-01-03T00:00:00+08:00"');
const Redirect = z.object({ to: z.string().min(1), status: z.union([z.literal(301), z.literal(302), z.literal(303), z.literal(307), z.literal(308)]).default(301) });

/**
 * One version of a changing page. Either generation-based (`fromGeneration`: served once the server's
 * generation is >= it, `setGeneration(n)` = "the site changed since the last run") or time-based
 * (`from`: served once the server's clock reads >= that time; see ReplayServerOptions.clock). A version
 * serves a file, answers a status (with its file as body, if any), or redirects.
 */
export const PageVersion = z
  .object({
    fromGeneration: z.number().int().min(0).optional(),
    from: IsoTime.optional(),
    file: RelativeFile.optional(),
    status: z.number().int().min(200).max(599).optional(),
    redirect: Redirect.optional(),
    /** Replace the path's validators; null sends none (a CMS error page has no ETag). */
    etag: z.string().nullable().optional(),
    lastModified: HeaderDate.nullable().optional(),
  })
  .strict()
  .refine((v) => (v.fromGeneration === undefined) !== (v.from === undefined), 'a version has exactly one of fromGeneration and from')
  .refine((v) => v.file !== undefined || v.status !== undefined || v.redirect !== undefined, 'a version serves a file, a status or a redirect');
export type PageVersion = z.infer<typeof PageVersion>;

export const PathBehaviour = z
  .object({
    /** File under dir/<host>/ (default: the path itself, `index.html` for a path ending in "/"). */
    file: RelativeFile.optional(),
    /** Content-Type header for this path; null sends none. Default: by extension, else the site's. */
    contentType: z.string().nullable().optional(),
    /** Answer with this status (e.g. 404, 410, 500); the file is the body when it exists. */
    status: z.number().int().min(200).max(599).optional(),
    redirect: Redirect.optional(),
    /** Answer 503 to the first n requests, then normally ("a 503 that recovers"). */
    failTimes: z.number().int().min(0).optional(),
    /** Retry-After (seconds) sent with those 503s. */
    retryAfterSeconds: z.number().int().min(0).optional(),
    etag: z.string().optional(),
    lastModified: HeaderDate.optional(),
    /**
     * A page that changes: the version with the highest fromGeneration <= the server's generation, or the
     * latest `from` <= the server's simulated clock, wins. Before the first `from` the path answers 404 (not
     * published yet); a server without a simulated clock ignores time-based versions.
     */
    versions: z.array(PageVersion).min(1).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((b) => !b.versions || b.versions.every((v) => v.from !== undefined) || b.versions.every((v) => v.fromGeneration !== undefined), {
    message: 'versions of one path are all generation-based or all time-based',
    path: ['versions'],
  });
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
