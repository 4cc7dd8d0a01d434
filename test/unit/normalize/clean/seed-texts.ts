import { readdirSync, readFileSync } from 'node:fs';

// The five seed captures checked into the repo (seeds/*.txt), keyed by their 3-digit prefix: '000' … '004'.
const SEEDS_DIR = new URL('../../../../seeds/', import.meta.url);

export function readSeed(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((file) => file.startsWith(`${prefix}_`) && file.endsWith('.txt'));
  if (name === undefined) throw new Error(`no seed ${prefix}_*.txt in ${SEEDS_DIR.pathname}`);
  return readFileSync(new URL(name, SEEDS_DIR), 'utf8');
}

export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;
