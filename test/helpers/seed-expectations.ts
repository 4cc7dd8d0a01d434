/**
 * Loads the hand-written expected records beside the seeds (seeds/*.expected.json and seeds/html/*.expected.json).
 * Each holds the input path, the crawl context and every record field that can be written by hand; the fields that
 * are functions of others (text, contentHash, id, simhash, normalizerVersion) are derived here, not written down.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NewsRecord, PageContext } from '../../lambdas/contract/record.js';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export interface SeedExpectation {
  file: string;
  input: string;
  context: PageContext;
  record: Omit<NewsRecord, 'id' | 'text' | 'contentHash' | 'simhash' | 'normalizerVersion'>;
}

export function loadExpectations(dir: string): SeedExpectation[] {
  const abs = join(REPO_ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => ({ file: join(dir, f), ...(JSON.parse(readFileSync(join(abs, f), 'utf8')) as Omit<SeedExpectation, 'file'>) }));
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** The derived fields, computed from the hand-written ones with the contract's definitions. */
export function derivedFields(e: SeedExpectation): { text: string; contentHash: string; id: string } {
  const text = e.record.paragraphs.join('\n');
  const contentHash = sha256Hex(text);
  return { text, contentHash, id: sha256Hex(e.record.canonicalUrl ?? `text:${contentHash}`) };
}
