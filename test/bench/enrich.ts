/**
 * `npm run bench:enrich`: precision and recall of the enrichment fields (people, figures, region) on the hand-labelled
 * pages in test/fixtures/enrich/labels.jsonl (conventions in its README.md). Each labelled input is normalized as the
 * CLI would (bench pages with the URL from their truth file, seeds with the seeds' fetch time) and its `people`,
 * `figures` and `region` are compared with the labels. Prints one table; `--errors` also lists every miss and false hit.
 *
 * Scoring (micro-averaged over pages):
 * - people names: a predicted name is right when it is a labelled name; names in `optionalNames` (people without a post,
 *   foreign transliterations, bylines) are neither required nor counted as false.
 * - people with posts: (name, post) pairs; a predicted post matches a labelled post of the same person when one ends
 *   with the other (「市委书记」 ~ 「南京市委书记」: the organisation prefix is context, the post is what is scored).
 * - figures: matched one to one by unit and value; a prediction matching an `optionalFigures` entry is ignored. The
 *   qualifier table also requires `qualifier` and `upper` to agree.
 * - region: province, city, district each right (null = null counts as right), all three, and pages wrongly claimed
 *   for 江苏 (predicted 江苏, labelled another province or none).
 *
 * `--speed` also times the enrichment on the same pages, in this process: per page, the CPU time of normalize() and of
 * the three enrich readers (findRegion, findPeople, findFigures) on that record's text, each the minimum of SPEED_ROUNDS
 * (the least disturbed by other processes); "without" is the difference. Prints median and p95, and the load average.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadavg } from 'node:os';
import { normalize } from '../../lambdas/normalize/index.js';
import { findFigures } from '../../lambdas/normalize/enrich/figures.js';
import { findPeople } from '../../lambdas/normalize/enrich/people.js';
import { findRegion } from '../../lambdas/normalize/enrich/region.js';
import { median, quantile } from './stats.js';
import { REPO_ROOT, benchRoot } from './datasets.js';

const LABELS = join(REPO_ROOT, 'test/fixtures/enrich/labels.jsonl');
/** The seeds' expectations are written for this fetch time (seeds/README.md). */
const SEED_FETCHED_AT = '2024-12-31T12:00:00+08:00';
/** Values are compared with this relative tolerance: 1056.2亿 is 105620000000 up to float noise. */
const VALUE_TOLERANCE = 1e-9;

const LabelFigure = z.object({
  text: z.string(),
  value: z.number(),
  unit: z.string(),
  qualifier: z.enum(['over', 'about', 'under', 'range']).optional(),
  upper: z.number().optional(),
});
type LabelFigure = z.infer<typeof LabelFigure>;
const LabelRegion = z.object({ province: z.string().nullable(), city: z.string().nullable(), district: z.string().nullable() });
type LabelRegion = z.infer<typeof LabelRegion>;
const LabelLine = z.object({
  input: z.string().min(1),
  region: LabelRegion,
  people: z.array(z.object({ name: z.string().min(2), titles: z.array(z.string().min(1)).min(1) })),
  optionalNames: z.array(z.string()),
  figures: z.array(LabelFigure),
  optionalFigures: z.array(LabelFigure),
});
type LabelLine = z.infer<typeof LabelLine>;

interface Predicted {
  people: { name: string; titles: string[] }[];
  figures: { text: string; value: number; unit: string; qualifier?: string; upper?: number }[];
  region: LabelRegion;
}

export function loadLabels(path = LABELS): LabelLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const parsed = LabelLine.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return parsed.data;
    });
}

function urlsOf(set: string): Map<string, string> {
  const file = join(benchRoot(), set, 'truth.jsonl');
  const urls = new Map<string, string>();
  if (!existsSync(file)) return urls;
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const t = JSON.parse(line) as { id: string; url?: string | null };
    if (t.url) urls.set(t.id, t.url);
  }
  return urls;
}

function inputPath(input: string): string {
  return input.startsWith('seeds/') ? join(REPO_ROOT, input) : join(benchRoot(), input.replace('/', '/pages/'));
}

function contextOf(label: LabelLine, urls: Map<string, Map<string, string>>): { fetchedAt?: string; url?: string } {
  const [set = '', file = ''] = label.input.split('/');
  const id = file.replace(/\.[^.]+$/, '');
  return set === 'seeds' ? { fetchedAt: SEED_FETCHED_AT } : { url: urls.get(set)?.get(id) };
}

/** A labelled page that normalize refuses (NO_ARTICLE…) predicts nothing: its labels all count as missed, and it is named. */
function predict(label: LabelLine, urls: Map<string, Map<string, string>>): Predicted & { refused?: string } {
  try {
    const record = normalize(new Uint8Array(readFileSync(inputPath(label.input))), contextOf(label, urls));
    return { people: record.people, figures: record.figures, region: record.region };
  } catch (error) {
    const refused = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
    return { people: [], figures: [], region: { province: null, city: null, district: null }, refused };
  }
}

/** Measured rounds per page for --speed; the minimum is kept. */
const SPEED_ROUNDS = 5;
const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function minCpuMs(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < SPEED_ROUNDS; i++) {
    const t0 = cpuMs();
    run();
    best = Math.min(best, cpuMs() - t0);
  }
  return best;
}

function printSpeed(labels: LabelLine[], urls: Map<string, Map<string, string>>): void {
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  const full: number[] = [];
  const enrich: number[] = [];
  const without: number[] = [];
  for (const label of labels) {
    const bytes = new Uint8Array(readFileSync(inputPath(label.input)));
    const ctx = contextOf(label, urls);
    let record: ReturnType<typeof normalize>;
    try {
      record = normalize(bytes, ctx);
    } catch {
      continue; // refused pages (see predict) have no enrichment to time
    }
    const f = minCpuMs(() => normalize(bytes, ctx));
    const e = minCpuMs(() => {
      findRegion({ title: record.title, subtitle: record.subtitle, paragraphs: record.paragraphs });
      findPeople(record.paragraphs);
      findFigures(record.paragraphs);
    });
    full.push(f);
    enrich.push(e);
    without.push(Math.max(0, f - e));
  }
  const line = (name: string, xs: number[]): string => `| ${name.padEnd(26)} | ${median(xs).toFixed(2).padStart(6)} | ${quantile(xs, 0.95).toFixed(2).padStart(6)} |`;
  console.log(`
enrichment CPU time on the ${full.length} pages normalize accepts (ms/page, min of ${SPEED_ROUNDS} rounds; load average ${load})
`);
  console.log('| normalize                  | median |  p95   |');
  console.log('|---|---|---|');
  console.log(line('with enrich', full));
  console.log(line('enrich alone', enrich));
  console.log(line('without enrich', without));
  console.log(`enrich share of normalize: ${((enrich.reduce((a, b) => a + b, 0) / full.reduce((a, b) => a + b, 0)) * 100).toFixed(1)}% of the total CPU`);
}

class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  add(other: { tp: number; fp: number; fn: number }): void {
    this.tp += other.tp;
    this.fp += other.fp;
    this.fn += other.fn;
  }
  get precision(): number {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }
  get recall(): number {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }
}

/** 「书记」 matches 「市委书记」: one post ends with the other. */
function samePost(a: string, b: string): boolean {
  return a === b || a.endsWith(b) || b.endsWith(a);
}

function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= VALUE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function figureKeyMatch(p: Predicted['figures'][number], l: LabelFigure, strict: boolean): boolean {
  if (p.unit !== l.unit || !sameValue(p.value, l.value)) return false;
  if (!strict) return true;
  const pu = p.upper;
  return (p.qualifier ?? null) === (l.qualifier ?? null) && (pu === undefined ? l.upper === undefined : l.upper !== undefined && sameValue(pu, l.upper));
}

interface PageScore {
  names: Tally;
  /** Precision side: tp counts predicted posts that match; recall side: postsFound counts labelled posts found. */
  posts: Tally;
  postsFound: number;
  figures: Map<string, Tally>;
  figuresStrict: Tally;
  errors: string[];
}

function scorePeople(label: LabelLine, pred: Predicted, score: PageScore): void {
  const labelled = new Map(label.people.map((p) => [p.name, p.titles]));
  const optional = new Set(label.optionalNames);
  const predicted = pred.people.filter((p) => !optional.has(p.name));
  for (const p of predicted) {
    const titles = labelled.get(p.name);
    if (titles) score.names.tp++;
    else {
      score.names.fp++;
      score.errors.push(`  person  false: ${p.name} [${p.titles.join('、')}]`);
    }
    for (const t of p.titles) {
      if (titles?.some((l) => samePost(t, l))) score.posts.tp++;
      else {
        score.posts.fp++;
        if (titles) score.errors.push(`  post    false: ${p.name} ${t}`);
      }
    }
  }
  for (const l of label.people) {
    const found = predicted.find((p) => p.name === l.name);
    if (!found) {
      score.names.fn++;
      score.errors.push(`  person  missed: ${l.name} [${l.titles.join('、')}]`);
    }
    for (const t of l.titles) {
      if (found?.titles.some((p) => samePost(p, t))) score.postsFound++;
      else {
        score.posts.fn++;
        if (found) score.errors.push(`  post    missed: ${l.name} ${t}`);
      }
    }
  }
}

function tallyFor(map: Map<string, Tally>, unit: string): Tally {
  let t = map.get(unit);
  if (!t) map.set(unit, (t = new Tally()));
  return t;
}

/** One-to-one matching; returns the predictions left over and the labels left over. */
function matchFigures(pred: Predicted['figures'], labels: LabelFigure[], strict: boolean): { extra: Predicted['figures']; missed: LabelFigure[] } {
  const open = [...labels];
  const extra: Predicted['figures'] = [];
  for (const p of pred) {
    const i = open.findIndex((l) => figureKeyMatch(p, l, strict));
    if (i >= 0) open.splice(i, 1);
    else extra.push(p);
  }
  return { extra, missed: open };
}

function scoreFigures(label: LabelLine, pred: Predicted, score: PageScore): void {
  for (const strict of [false, true]) {
    const { extra, missed } = matchFigures(pred.figures, label.figures, strict);
    const falseHits = matchFigures(extra, label.optionalFigures, strict).extra;
    if (strict) {
      score.figuresStrict.add({ tp: label.figures.length - missed.length, fp: falseHits.length, fn: missed.length });
      continue;
    }
    for (const l of label.figures) if (!missed.includes(l)) tallyFor(score.figures, l.unit).tp++;
    for (const l of missed) {
      tallyFor(score.figures, l.unit).fn++;
      score.errors.push(`  figure  missed: ${l.text} = ${l.value} ${l.unit}${l.qualifier ? ` ${l.qualifier}` : ''}`);
    }
    for (const p of falseHits) {
      tallyFor(score.figures, p.unit).fp++;
      score.errors.push(`  figure  false: ${p.text} = ${p.value} ${p.unit}`);
    }
  }
}

function pct(x: number): string {
  return x.toFixed(3);
}

function row(name: string, t: Tally): string {
  return `| ${name.padEnd(28)} | ${pct(t.precision)} | ${pct(t.recall)} | ${String(t.tp + t.fn).padStart(5)} | ${String(t.tp + t.fp).padStart(5)} |`;
}

function main(): void {
  const showErrors = process.argv.includes('--errors');
  const labels = loadLabels();
  const urls = new Map(['zh-cwced', 'gne', 'aeb'].map((s) => [s, urlsOf(s)]));
  const names = new Tally();
  const posts = new Tally();
  let postsFound = 0;
  const figures = new Map<string, Tally>();
  const figuresStrict = new Tally();
  const region = { province: 0, city: 0, district: 0, all: 0, falseJiangsu: 0 };
  const refused: string[] = [];
  for (const label of labels) {
    const pred = predict(label, urls);
    const score: PageScore = { names: new Tally(), posts: new Tally(), postsFound: 0, figures: new Map(), figuresStrict: new Tally(), errors: [] };
    if (pred.refused !== undefined) {
      refused.push(label.input);
      score.errors.push(`  page    refused by normalize (${pred.refused})`);
    }
    scorePeople(label, pred, score);
    scoreFigures(label, pred, score);
    names.add(score.names);
    posts.add(score.posts);
    postsFound += score.postsFound;
    figuresStrict.add(score.figuresStrict);
    for (const [unit, t] of score.figures) tallyFor(figures, unit).add(t);
    const r = pred.region;
    const ok = { p: r.province === label.region.province, c: r.city === label.region.city, d: r.district === label.region.district };
    region.province += Number(ok.p);
    region.city += Number(ok.c);
    region.district += Number(ok.d);
    region.all += Number(ok.p && ok.c && ok.d);
    if (r.province === '江苏' && label.region.province !== '江苏') region.falseJiangsu++;
    if (!(ok.p && ok.c && ok.d)) score.errors.push(`  region  ${JSON.stringify(r)} labelled ${JSON.stringify(label.region)}`);
    if (showErrors && score.errors.length) console.log(`${label.input}\n${score.errors.join('\n')}`);
  }
  const allFigures = new Tally();
  for (const t of figures.values()) allFigures.add(t);
  const n = labels.length;
  console.log(`\nenrichment on ${n} hand-labelled pages (test/fixtures/enrich/labels.jsonl)\n`);
  console.log('| field                        | prec  | recall| label | pred  |');
  console.log('|---|---|---|---|---|');
  console.log(row('people: names', names));
  const postRow = row('people: (name, post) pairs', posts);
  const postRecall = postsFound / (postsFound + posts.fn);
  console.log(`${postRow.slice(0, 40)} ${pct(postRecall)} | ${String(postsFound + posts.fn).padStart(5)} | ${String(posts.tp + posts.fp).padStart(5)} |`);
  console.log(row('figures: all (unit + value)', allFigures));
  for (const [unit, t] of [...figures].sort((a, b) => b[1].tp + b[1].fn - (a[1].tp + a[1].fn))) console.log(row(`figures: ${unit}`, t));
  console.log(row('figures: + qualifier/upper', figuresStrict));
  const share = (k: number): string => `${pct(k / n)} (${k}/${n})`;
  console.log(`\nregion right: province ${share(region.province)}, city ${share(region.city)}, district ${share(region.district)}, all three ${share(region.all)}`);
  console.log(`pages wrongly claimed for 江苏: ${region.falseJiangsu}`);
  if (refused.length > 0) console.log(`pages refused by normalize (every label counted as missed): ${refused.length} (${refused.join(', ')})`);
  if (process.argv.includes('--speed')) printSpeed(labels, urls);
}

main();
