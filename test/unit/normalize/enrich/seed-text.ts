/**
 * Test input for the enrichment stage: the five seed captures' headline and body lines, cleaned the way
 * the lead's clean stage will (pinyin annotations stripped, Traditional → Simplified). The line numbers
 * were picked by hand from seeds/*.txt; the regex below is good enough for test input only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';

const SEEDS_DIR = join(import.meta.dirname, '../../../../seeds');
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const PINYIN_ANNOTATION = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/g;

export type SeedId = '000' | '001' | '002' | '003' | '004';

interface SeedLayout {
  file: string;
  traditional: boolean;
  titleLine: number;
  subtitleLine: number | null;
  bodyLines: number[];
  /** Trailing byline stripped from the last body line, as extraction will. */
  bodyTail: RegExp | null;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const LAYOUT: Record<SeedId, SeedLayout> = {
  '000': { file: '000_0bd5e5fca5af9d22.txt', traditional: false, titleLine: 3, subtitleLine: null, bodyLines: range(5, 17), bodyTail: null },
  '001': { file: '001_7b4567f576345d14.txt', traditional: true, titleLine: 1, subtitleLine: 2, bodyLines: [3, ...range(5, 15)], bodyTail: /\(记者 陈志奎\)$/ },
  '002': { file: '002_dfb4da28d1e41213.txt', traditional: true, titleLine: 3, subtitleLine: null, bodyLines: range(7, 27), bodyTail: null },
  '003': { file: '003_3e0a5657ee805610.txt', traditional: false, titleLine: 3, subtitleLine: null, bodyLines: range(7, 17), bodyTail: null },
  '004': { file: '004_9102397643b9cae0.txt', traditional: true, titleLine: 2, subtitleLine: null, bodyLines: range(3, 7), bodyTail: /\(吕正龙\)$/ },
};

export const SEED_IDS = Object.keys(LAYOUT) as SeedId[];

function clean(line: string, traditional: boolean): string {
  const stripped = line.replace(PINYIN_ANNOTATION, '').replace(/\s+/g, ' ').trim();
  return traditional ? toSimplified(stripped) : stripped;
}

export interface SeedText {
  title: string;
  subtitle: string | null;
  paragraphs: string[];
}

export function loadSeed(id: SeedId): SeedText {
  const layout = LAYOUT[id];
  const lines = readFileSync(join(SEEDS_DIR, layout.file), 'utf8').split('\n');
  const line = (n: number): string => clean(lines[n - 1] ?? '', layout.traditional);
  const paragraphs = layout.bodyLines.map(line).filter((p) => p !== '');
  const last = paragraphs.length - 1;
  if (layout.bodyTail) paragraphs[last] = paragraphs[last]!.replace(layout.bodyTail, '').trim();
  return {
    title: line(layout.titleLine),
    subtitle: layout.subtitleLine === null ? null : line(layout.subtitleLine),
    paragraphs,
  };
}
