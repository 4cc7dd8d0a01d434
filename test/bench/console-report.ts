/** What accuracy.ts prints: per-set tables, --worst rankings and --page dumps. */
import type { BenchSet } from './datasets.js';
import type { ExtractorRun, PageOutcome } from './run-set.js';
import { fmt } from './stats.js';
import type { ExtractorSummary } from './summarize.js';

/** Page ids are UUIDs or 64-hex keys; this many characters identify one in the bench sets. */
export const SHORT_ID_CHARS = 8;
const shortId = (id: string): string => (id.length > 20 ? id.slice(0, SHORT_ID_CHARS) : id);
/** How many page ids to print inline in an errors/empty list before "…". */
const MAX_IDS_INLINE = 12;

export function printSetTable(set: BenchSet, summaries: readonly ExtractorSummary[]): void {
  console.log(`\n== ${set.name}: ${set.pages.length} pages ==`);
  const header = ['extractor', 'kind', 'F1', 'F1 folded', 'P', 'R', 'exact', 'date', 'authors exact (found)', 'err', 'empty', 'ms med', 'ms p95'];
  const rows = summaries.map((s) => [
    s.name,
    s.kind,
    fmt(s.body?.f1),
    fmt(s.bodyFolded?.f1),
    fmt(s.body?.precision),
    fmt(s.body?.recall),
    fmt(s.body?.accuracy),
    s.date ? `${s.date.correct}/${s.date.labelled}` : '–',
    s.author ? `${s.author.exact} (${s.author.found}) of ${s.author.labelled}` : '–',
    String(s.errors.length),
    String(s.empty.length),
    fmt(s.ms?.median, 1),
    fmt(s.ms?.p95, 1),
  ]);
  printTable(header, rows);
  for (const s of summaries) {
    if (s.errors.length) console.log(`  ${s.name} errors: ${idList(s.errors.map((e) => `${shortId(e.id)} ${e.code}`))}${firstMessage(s)}`);
    if (s.empty.length) console.log(`  ${s.name} empty: ${idList(s.empty.map(shortId))}`);
    if (s.author?.spuriousOnUnlabelled) console.log(`  ${s.name}: authors given on ${s.author.spuriousOnUnlabelled} page(s) with no author label`);
  }
}

function firstMessage(s: ExtractorSummary): string {
  const first = s.errors[0];
  return first ? `  (first: ${first.message.slice(0, 120)})` : '';
}

function idList(ids: readonly string[]): string {
  return ids.length > MAX_IDS_INLINE ? `${ids.slice(0, MAX_IDS_INLINE).join(', ')}, … (${ids.length})` : ids.join(', ');
}

export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

/** Per-page F1 of one extractor, worst first, with the best other extractor on the same page for contrast. */
export function printWorst(focus: ExtractorRun, others: readonly ExtractorRun[], n: number, urls: ReadonlyMap<string, string | null>): void {
  console.log(`\n-- ${focus.name}: ${n} worst pages by per-page F1 --`);
  const scored = focus.pages.filter((p) => p.score).sort((a, b) => a.score!.f1 - b.score!.f1);
  const rows = scored.slice(0, n).map((p) => {
    const best = bestOther(p.id, others);
    return [shortId(p.id), fmt(p.score!.f1), fmt(p.score!.precision), fmt(p.score!.recall), String(p.chars), p.error?.code ?? '', best, (urls.get(p.id) ?? '').slice(0, 60)];
  });
  printTable(['page', 'F1', 'P', 'R', 'chars', 'error', 'best other (F1)', 'url'], rows);
}

function bestOther(id: string, others: readonly ExtractorRun[]): string {
  let best: { name: string; f1: number } | null = null;
  for (const run of others) {
    const f1 = run.pages.find((p) => p.id === id)?.score?.f1;
    if (f1 !== undefined && (!best || f1 > best.f1)) best = { name: run.name, f1 };
  }
  return best ? `${best.name} (${fmt(best.f1)})` : '–';
}

/** One page: every extractor's scores, then the focus extractor's text vs the truth, with lines missing on each side. */
export function printPage(set: BenchSet, id: string, focus: ExtractorRun, all: readonly ExtractorRun[]): void {
  const page = set.pages.find((p) => p.id === id)!;
  const mine = focus.pages.find((p) => p.id === id)!;
  console.log(`\n== ${set.name} ${id} ==\nurl: ${page.truth?.url ?? '–'}\nfile: ${page.path}`);
  for (const run of all) console.log(`  ${run.name.padEnd(22)} ${pageLine(run.pages.find((p) => p.id === id)!)}`);
  if (page.truth) {
    console.log(`date label: ${page.truth.date ?? '–'}   ${focus.name}: ${mine.day ? `${mine.day.year}-${mine.day.month}-${mine.day.day}` : '–'}`);
    console.log(`author label: ${page.truth.author ?? '–'}   ${focus.name}: ${mine.authors.join(' | ') || '–'}`);
  }
  if (mine.error) console.log(`error: ${mine.error.code} ${mine.error.message}`);
  if (page.truth) printLineDiff(page.truth.body, mine.text, focus.name);
  console.log(`\n--- truth ---\n${page.truth?.body ?? '(no truth in this set)'}\n--- ${focus.name} ---\n${mine.text}\n--- end ---`);
}

function pageLine(p: PageOutcome): string {
  const s = p.score;
  const scores = s ? `F1 ${fmt(s.f1)}  P ${fmt(s.precision)}  R ${fmt(s.recall)}` : 'no truth';
  return `${scores}  chars ${p.chars}${p.error ? `  ERROR ${p.error.code}` : ''}${Number.isNaN(p.ms) ? '' : `  ${fmt(p.ms, 1)} ms`}`;
}

/** Lines compared with all white space removed, so re-wrapping and indents are not reported as differences. */
function printLineDiff(truth: string, prediction: string, name: string): void {
  const key = (l: string): string => l.replace(/\s+/g, '');
  const truthLines = truth.split('\n').filter((l) => key(l));
  const predLines = prediction.split('\n').filter((l) => key(l));
  const predJoined = predLines.map(key).join('');
  const truthJoined = truthLines.map(key).join('');
  const missing = truthLines.filter((l) => !predJoined.includes(key(l)));
  const extra = predLines.filter((l) => !truthJoined.includes(key(l)));
  console.log(`\n--- truth lines not in ${name} (${missing.length}) ---\n${missing.join('\n')}`);
  console.log(`--- ${name} lines not in truth (${extra.length}) ---\n${extra.join('\n')}`);
}
