/**
 * A Chinese-aware diff of two versions of an article, on jsdiff (the `diff` package):
 *   1. paragraphs are aligned first (diffArrays on whole paragraphs);
 *   2. a removed run next to an added run is paired paragraph by paragraph where the two are alike,
 *      and each pair is diffed on tokens: one token per Han character (Chinese has no spaces, so
 *      "words" would be whole sentences), one per run of Latin letters or digits (so 2.5万 → 2.6万
 *      shows 2.5 → 2.6, not 5 → 6), one per other character.
 * Pure: no I/O.
 */
import { diffArrays } from 'diff';

export type PartOp = 'same' | 'added' | 'removed';
export interface DiffPart {
  op: PartOp;
  text: string;
}

export type ParagraphDiff =
  | { op: 'same'; text: string }
  | { op: 'added'; text: string }
  | { op: 'removed'; text: string }
  | { op: 'changed'; before: string; after: string; parts: DiffPart[] };

/**
 * Two paragraphs are "the same paragraph, edited" when at least this share of the longer one's
 * tokens is common to both. Checked on the replay scenario's figure correction (one token of ~200
 * changed → 0.99) and on unrelated seed paragraphs (0.05-0.25).
 */
export const PAIR_MIN_SIMILARITY = 0.5;

/** Han characters one by one; Latin/digit runs (with decimal point, thousands comma, %) as one; anything else one by one. */
const TOKEN = /\p{Script=Han}|[\p{Script=Latin}\p{Nd}]+(?:[.,]\p{Nd}+)*%?|\s+|[^]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Token-level diff of two strings. */
export function diffText(before: string, after: string): DiffPart[] {
  const changes = diffArrays(tokenize(before), tokenize(after));
  const parts: DiffPart[] = [];
  for (const c of changes) {
    const op: PartOp = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const text = c.value.join('');
    const last = parts.at(-1);
    if (last && last.op === op) last.text += text;
    else if (text) parts.push({ op, text });
  }
  return parts;
}

/** Share of common tokens, relative to the longer string (0..1). */
export function similarity(before: string, after: string): number {
  const a = tokenize(before);
  const b = tokenize(after);
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  let same = 0;
  for (const c of diffArrays(a, b)) if (!c.added && !c.removed) same += c.count;
  return same / longest;
}

export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphDiff[] {
  const out: ParagraphDiff[] = [];
  const changes = diffArrays([...before], [...after]);
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (!c.added && !c.removed) {
      for (const text of c.value) out.push({ op: 'same', text });
      continue;
    }
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      out.push(...pairRuns(c.value, next.value));
      i++;
      continue;
    }
    for (const text of c.value) out.push({ op: c.added ? 'added' : 'removed', text });
  }
  return out;
}

/** Pairs removed[k] with added[k] where they are alike; the rest stays removed / added. */
function pairRuns(removed: string[], added: string[]): ParagraphDiff[] {
  const out: ParagraphDiff[] = [];
  const n = Math.max(removed.length, added.length);
  for (let k = 0; k < n; k++) {
    const a = removed[k];
    const b = added[k];
    if (a !== undefined && b !== undefined && similarity(a, b) >= PAIR_MIN_SIMILARITY) {
      out.push({ op: 'changed', before: a, after: b, parts: diffText(a, b) });
      continue;
    }
    if (a !== undefined) out.push({ op: 'removed', text: a });
    if (b !== undefined) out.push({ op: 'added', text: b });
  }
  return out;
}

/** Context characters kept around an inline change when rendering (the rest of a long paragraph is elided). */
export const RENDER_CONTEXT_CHARS = 24;

/**
 * Plain-text rendering: "  " unchanged (elided to its first characters), "- " removed, "+ " added,
 * "~ " changed with inline [-old-]{+new+} marks.
 */
export function renderDiff(diff: readonly ParagraphDiff[], options: { context?: number } = {}): string {
  const ctx = options.context ?? RENDER_CONTEXT_CHARS;
  const lines: string[] = [];
  for (const d of diff) {
    if (d.op === 'same') lines.push(`  ${elide(d.text, ctx * 2)}`);
    else if (d.op === 'added') lines.push(`+ ${d.text}`);
    else if (d.op === 'removed') lines.push(`- ${d.text}`);
    else lines.push(`~ ${inline(d.parts, ctx)}`);
  }
  return lines.join('\n');
}

function inline(parts: readonly DiffPart[], ctx: number): string {
  return parts
    .map((p, i) => {
      if (p.op === 'removed') return `[-${p.text}-]`;
      if (p.op === 'added') return `{+${p.text}+}`;
      const first = i === 0;
      const last = i === parts.length - 1;
      if (p.text.length <= ctx * 2) return p.text;
      if (first) return `…${p.text.slice(-ctx)}`;
      if (last) return `${p.text.slice(0, ctx)}…`;
      return `${p.text.slice(0, ctx)}…${p.text.slice(-ctx)}`;
    })
    .join('');
}

function elide(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
