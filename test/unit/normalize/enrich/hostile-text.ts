/**
 * Generated hostile inputs for the enrichment readers (issue 10 items 1 and 8): a unit repeated N times, built in
 * memory so no large fixture is committed. Exported for the hostile bench (`npm run bench:hostile`) to time the
 * same inputs: ENRICH_HOSTILE_CASES lists them with what a correct reader returns.
 */
export function repeated(unit: string, times: number): string {
  return unit.repeat(times);
}

export interface EnrichHostileCase {
  name: string;
  text: () => string;
}

/** The slow text patterns of issue 10 item 8 and the record blow-ups of item 1, as generated inputs. */
export const ENRICH_HOSTILE_CASES: readonly EnrichHostileCase[] = [
  { name: 'names list 张三、 ×100k', text: () => repeated('张三、', 100_000) },
  { name: 'posts 市委书记 ×50k', text: () => repeated('市委书记', 50_000) },
  { name: 'magnitudes 万亿元 ×100k', text: () => repeated('万亿元', 100_000) },
  { name: 'percents 1% ×200k', text: () => repeated('1%', 200_000) },
  { name: 'figures 增长1%， ×20k', text: () => repeated('增长1%，', 20_000) },
  { name: 'figures 投资3万亿元， ×10k', text: () => repeated('投资3万亿元，', 10_000) },
];
