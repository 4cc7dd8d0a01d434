/**
 * The three bench sets under /work/shared/bench (layout in its README.md): page bytes, truth and stored peer outputs.
 * The shared folder sits beside the repository (`<repo>/../shared/bench`); `JSNEWS_BENCH_DIR` overrides that.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TokenMode } from './metric.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the bench data lives: `$JSNEWS_BENCH_DIR`, else `<repo>/../shared/bench`. */
export function benchRoot(): string {
  return process.env.JSNEWS_BENCH_DIR ? resolve(process.env.JSNEWS_BENCH_DIR) : resolve(REPO_ROOT, '../shared/bench');
}

export function hasBenchData(root = benchRoot()): boolean {
  return existsSync(join(root, 'README.md')) && SET_NAMES.every((s) => existsSync(join(root, s, 'pages')));
}

export const SET_NAMES = ['zh-cwced', 'aeb', 'gne'] as const;
export type SetName = (typeof SET_NAMES)[number];

/**
 * Per-set tokenization. zh-cwced uses the README's per-character Han rule (its F1 for stored trafilatura is 0.906);
 * aeb uses stock `\w+`, which reproduces the published aeb table exactly (the Han rule moves it by ≤ 0.001).
 */
export const SET_TOKEN_MODE: Record<SetName, TokenMode> = { 'zh-cwced': 'han', aeb: 'word', gne: 'han' };

const TruthLine = z.object({
  id: z.string().min(1),
  body: z.string(),
  url: z.string().nullable().optional(),
  author: z.string().nullable().optional(),
  date: z.string().nullable().optional(),
});
export type Truth = z.infer<typeof TruthLine>;

const PeerLine = z.object({ id: z.string().min(1), body: z.string() });

export interface BenchPage {
  set: SetName;
  id: string;
  path: string;
  /** Null for gne (no truth). */
  truth: Truth | null;
}

export interface BenchSet {
  name: SetName;
  pages: BenchPage[];
  /** Stored peer outputs by system name, aligned by page id. */
  storedPeers: Map<string, Map<string, string>>;
}

export function loadSet(name: SetName, root = benchRoot()): BenchSet {
  const dir = join(root, name);
  const truth = existsSync(join(dir, 'truth.jsonl')) ? readJsonl(join(dir, 'truth.jsonl'), TruthLine) : null;
  const pages = truth
    ? truth.map((t) => ({ set: name, id: t.id, path: join(dir, 'pages', `${t.id}.html`), truth: t }))
    : readdirSync(join(dir, 'pages'))
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => ({ set: name, id: f.replace(/\.html$/, ''), path: join(dir, 'pages', f), truth: null }));
  return { name, pages, storedPeers: loadStoredPeers(join(dir, 'peers')) };
}

function loadStoredPeers(dir: string): Map<string, Map<string, string>> {
  const peers = new Map<string, Map<string, string>>();
  if (!existsSync(dir)) return peers;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = readJsonl(join(dir, file), PeerLine);
    peers.set(file.replace(/\.jsonl$/, ''), new Map(lines.map((l) => [l.id, l.body])));
  }
  return peers;
}

function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
      return parsed.data;
    });
}

export function readPageBytes(page: BenchPage): Uint8Array {
  return new Uint8Array(readFileSync(page.path));
}
