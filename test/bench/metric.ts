/**
 * The bench metric of /work/shared/bench/README.md, which is scrapinghub's `evaluate.py` (zh-cwced's `evaluation.py`
 * has the same functions), ported exactly:
 *   1. tokens: Python 3 `re.findall(r'\w+', text)`; for Chinese, the per-character Han rule (one token per Han char);
 *   2. shingles: every window of 4 consecutive tokens, as a multiset (1–3 tokens: one shingle of all; 0: none);
 *   3. per document: tp/fp/fn over the union of shingles, then divided by their sum;
 *   4. P = mean precision over documents whose prediction has a shingle, R = mean recall over documents whose truth has one;
 *   5. F1 = 2PR/(P+R) of those two means (not the mean of per-document F1s);
 *   6. accuracy = share of documents whose token lists are identical.
 * Verified against the peers' published figures in test/unit/bench/metric.test.ts.
 */

/** How text becomes tokens. `word` = Python `\w+`; `han` = one token per Han char, else maximal `\w` runs. */
export type TokenMode = 'word' | 'han';

/** Shingle width used by evaluate.py (`ngram_n = 4`). */
export const SHINGLE_TOKENS = 4;

// Python 3 `\w` is `str.isalnum()` or `_`: Unicode letters (L*) and chars with a numeric value (Nd, Nl, No), and no
// combining marks. Checked code point by code point against CPython 3.11 `re`: `[\p{L}\p{N}_]` matches the same set
// except code points assigned after Unicode 14 (CPython 3.11's tables), which bench texts do not contain.
const WORD_CHAR = String.raw`[\p{L}\p{N}_]`;
/** The Han set H of the README: 〇, CJK Ext A, URO, compatibility ideographs, Ext B–H. */
const HAN_CLASS = String.raw`[\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{323AF}]`;

// The `v` flag (class set subtraction) is built with the RegExp constructor because TS's ES2022 target rejects it as a literal.
const TOKEN_PATTERNS: Record<TokenMode, RegExp> = {
  word: new RegExp(`${WORD_CHAR}+`, 'gu'),
  han: new RegExp(`${HAN_CLASS}|[${WORD_CHAR}--${HAN_CLASS}]+`, 'gv'),
};

/** Splits text into metric tokens. Case-sensitive, no normalisation, as evaluate.py. */
export function tokenize(text: string, mode: TokenMode): string[] {
  return text.match(TOKEN_PATTERNS[mode]) ?? [];
}

// Tokens never hold control characters (they are not `\w`), so U+0001 joins a shingle's tokens without ambiguity.
const SHINGLE_JOINER = '\u0001';

/** Shingle multiset of a token list: windows of `n` tokens; 1..n-1 tokens give one shingle; 0 tokens give none. */
export function shingles(tokens: readonly string[], n = SHINGLE_TOKENS): Map<string, number> {
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const windows = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < windows; i++) {
    const key = tokens.slice(i, i + n).join(SHINGLE_JOINER);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One document's score. tp/fp/fn are normalised by their sum (0,0,0 when both texts have no shingle). */
export interface DocScore {
  tp: number;
  fp: number;
  fn: number;
  /** evaluate.py `precision_score`; counts towards P only when `tp + fp > 0`. */
  precision: number;
  /** evaluate.py `recall_score`; counts towards R only when `tp + fn > 0`. */
  recall: number;
  /** Per-document F1 (2pr/(p+r), 0 when both are 0): for ranking pages worst-first, not part of the set F1. */
  f1: number;
  /** The two token lists are identical (the accuracy criterion). */
  exact: boolean;
}

export function scoreDocument(truth: string, prediction: string, mode: TokenMode): DocScore {
  const trueTokens = tokenize(truth, mode);
  const predTokens = tokenize(prediction, mode);
  const [tp, fp, fn] = matchShingles(shingles(trueTokens), shingles(predTokens));
  const precision = precisionScore(tp, fp, fn);
  const recall = recallScore(tp, fp, fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1, exact: sameTokens(trueTokens, predTokens) };
}

function matchShingles(truth: Map<string, number>, pred: Map<string, number>): [number, number, number] {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, t] of truth) {
    const p = pred.get(key) ?? 0;
    tp += Math.min(t, p);
    fn += Math.max(0, t - p);
    fp += Math.max(0, p - t);
  }
  for (const [key, p] of pred) if (!truth.has(key)) fp += p;
  const sum = tp + fp + fn;
  // "Normalize metrics so that longer texts do not have more weight" (evaluate.py).
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [tp, fp, fn];
}

function precisionScore(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallScore(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Set-level figures. `NaN` when no document qualifies for a mean (e.g. every prediction empty: P undefined). */
export interface SetScore {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  documents: number;
  /** Documents whose prediction has a shingle (the P denominator). */
  predicted: number;
}

export function aggregateScores(docs: readonly DocScore[]): SetScore {
  const inP = docs.filter((d) => d.tp + d.fp > 0);
  const inR = docs.filter((d) => d.tp + d.fn > 0);
  const precision = mean(inP.map((d) => d.precision));
  const recall = mean(inR.map((d) => d.recall));
  const f1 = (2 * precision * recall) / (precision + recall);
  const accuracy = docs.length ? docs.filter((d) => d.exact).length / docs.length : Number.NaN;
  return { precision, recall, f1, accuracy, documents: docs.length, predicted: inP.length };
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
}

/** Scores parallel truth/prediction lists (same order) and aggregates them. */
export function scoreSet(pairs: ReadonlyArray<{ truth: string; prediction: string }>, mode: TokenMode): { score: SetScore; docs: DocScore[] } {
  const docs = pairs.map((p) => scoreDocument(p.truth, p.prediction, mode));
  return { score: aggregateScores(docs), docs };
}
