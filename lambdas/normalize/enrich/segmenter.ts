/**
 * The Chinese word segmenter with part-of-speech tags: @node-rs/jieba (jieba-rs, a maintained Rust port of jieba, as a
 * Node-API module; its tags are jieba's ICTCLAS-style set: nr person, ns place, nt organisation, v verb, p preposition,
 * d adverb, c conjunction, u particle, x unknown word found by its HMM…).
 *
 * Loaded once, lazily, on the first call, so a page that never asks the segmenter anything never pays it. `require` is
 * made with createRequire so that esbuild leaves the package outside the bundle (lib/bundling.ts EXTERNAL_MODULES): the
 * Lambda finds it in the asset's node_modules, the CLI and tests in the project's.
 *
 * The dictionary is handed over a little at a time (WordsOfText). Building jieba's trie from the whole of dict.txt
 * (349,045 words, 5 MB) was the cost of the first call: ~70-90 ms CPU and +36 MB RSS of its ~95 ms and +55 MB (2-core
 * dev box, fresh processes). Yet jieba's answer for a text (jieba-rs 0.10.3 in @node-rs/jieba 2.0.3) reads only the
 * dictionary entries that are substrings of that text (its word graph, their frequencies, the tag of each word it
 * returns), its built-in HMM and the sum of all frequencies (every path's probability is divided by it). So before
 * each text is tagged, the entries found in it are looked up in the sorted dict.txt bytes (binary search, no index
 * built) and loaded, with one stand-in word (ABSENT_WORD) carrying the frequency of every entry not loaded: the answer
 * is the whole dictionary's, on any text. The first call now costs ~15 ms CPU and +20 MB RSS, most of it the package's
 * `@node-rs/jieba/dict` reading dict.txt and the unused idf.txt (6.2 MB; written empty in the Lambda asset, see
 * lib/bundling.ts). test/unit/normalize/enrich/segmenter.test.ts compares the two on written and random texts.
 *
 * If the module cannot load (no binary for the platform), `segmenter()` answers null with the reason in
 * `segmenterLoadError()`, and the readers go on without it (a record warning says so).
 */
import { createRequire } from 'node:module';
import type * as NodeRsJieba from '@node-rs/jieba';

export interface TaggedWord {
  word: string;
  tag: string;
}

export type Tagger = (text: string) => TaggedWord[];

/** Jieba's HMM finds words outside the dictionary (most personal names: 白学贵, 薛德升 come out whole, tagged x). */
const USE_HMM = true;

/**
 * @node-rs/jieba 2.0.3's dict.txt, as the subset loading needs it checked: its length in bytes, and the sum of its
 * frequencies (jieba's `total`). Lines are `word freq tag`, sorted by their bytes, each word once (so the lines that
 * start with a word come in one run, the word's own line first: a space sorts before any character of a word). A
 * dictionary of another length (an upgrade) is loaded whole, as before; the unit test recomputes all three facts.
 */
export const DICT_BYTES = 5_071_843;
export const DICT_TOTAL_FREQ = 60_101_964;

/**
 * The stand-in word that carries the frequency of the entries not loaded: U+FDD0, a Unicode noncharacter (never
 * assigned, not expected in text). A text that holds it is tagged with the whole dictionary, so it never matches.
 */
const ABSENT_WORD = '\uFDD0';

/**
 * Texts tagged through the subset before the whole dictionary is loaded instead (rent or buy). A subset call costs
 * ~60 µs more than a whole-dictionary one (lookups and loading, 1,500 zh-cwced clauses of 10-60 characters, 17 on
 * average) where the whole dictionary's build costs ~70-150 ms CPU once, so a process that asks very many texts pays
 * at most about twice the build. The 327 bench and seed inputs ask 13 texts in all (17-83 characters).
 */
const SUBSET_TEXTS_BEFORE_WHOLE = 1_000;

const NEWLINE = 0x0a;
const SPACE = 0x20;

let tagger: Tagger | null | undefined;
let loadError: string | null = null;

/**
 * The dict.txt entries (whole lines) that are substrings of a text, found by binary search over the sorted bytes.
 * Remembers which lines were handed over already, and the frequency still held by ABSENT_WORD.
 */
class WordsOfText {
  private readonly handedOver = new Set<number>();
  private handedOverFreq = 0;
  /** Per first character: the byte range of the lines that start with it. */
  private readonly rangeOfFirst = new Map<number, [number, number]>();

  constructor(private readonly dict: Uint8Array) {}

  /** The lines not handed over yet whose word is a substring of `text` (UTF-8), and the stand-in's line, or null. */
  newLines(text: Uint8Array): Uint8Array | null {
    const lines: Uint8Array[] = [];
    const starts = charStarts(text);
    for (let a = 0; a + 1 < starts.length; a++) {
      if (text[starts[a]!]! <= SPACE) continue;
      let range = this.firstCharRange(text, starts[a]!, starts[a + 1]!);
      for (let b = a + 1; range !== null; b++) {
        const keyEnd = starts[b]!;
        const line = range[0];
        if (this.dict[line + keyEnd - starts[a]!] === SPACE && !this.handedOver.has(line)) {
          this.handedOver.add(line);
          const end = lineEnd(this.dict, line);
          this.handedOverFreq += freqOfLine(this.dict, line + keyEnd - starts[a]! + 1);
          lines.push(this.dict.subarray(line, end + 1));
        }
        // No word holds white space or a control character (the unit test checks dict.txt), nor can a key.
        if (b + 1 >= starts.length || text[starts[b]!]! <= SPACE) break;
        range = prefixRange(this.dict, range[0], range[1], text, starts[a]!, starts[b + 1]!);
      }
    }
    if (lines.length === 0 && this.handedOver.size > 0) return null;
    lines.push(new TextEncoder().encode(`${ABSENT_WORD} ${DICT_TOTAL_FREQ - this.handedOverFreq} x\n`));
    return Buffer.concat(lines);
  }

  private firstCharRange(text: Uint8Array, from: number, to: number): [number, number] | null {
    let key = 0;
    for (let i = from; i < to; i++) key = key * 0x100 + text[i]!;
    let range = this.rangeOfFirst.get(key);
    if (range === undefined) {
      const found = prefixRange(this.dict, 0, this.dict.length, text, from, to);
      range = found ?? [0, 0];
      this.rangeOfFirst.set(key, range);
    }
    return range[0] < range[1] ? range : null;
  }
}

/** Byte offsets where each UTF-8 character of `text` starts, and its length last. */
function charStarts(text: Uint8Array): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if ((text[i]! & 0xc0) !== 0x80) starts.push(i);
  starts.push(text.length);
  return starts;
}

function lineStart(dict: Uint8Array, at: number): number {
  while (at > 0 && dict[at - 1] !== NEWLINE) at--;
  return at;
}

/** The offset of the newline ending the line at `at`. */
function lineEnd(dict: Uint8Array, at: number): number {
  while (dict[at] !== NEWLINE) at++;
  return at;
}

/** The frequency written at `at` (the digits after a word and its space). */
function freqOfLine(dict: Uint8Array, at: number): number {
  let freq = 0;
  for (let c = dict[at]!; c >= 0x30 && c <= 0x39; c = dict[++at]!) freq = freq * 10 + (c - 0x30);
  return freq;
}

/** The line at `line` against the key `text[from, to)`: < 0 before it, 0 when it starts with it, > 0 after it. */
function compareLine(dict: Uint8Array, line: number, text: Uint8Array, from: number, to: number): number {
  for (let i = from, j = line; i < to; i++, j++) {
    const d = dict[j]!;
    if (d !== text[i]) return d === NEWLINE || d < text[i]! ? -1 : 1;
  }
  return 0;
}

/**
 * Within the lines [lo, hi) (line starts, hi may be the end), the run of lines that start with `text[from, to)`:
 * [first, after last), or null when none does.
 */
function prefixRange(dict: Uint8Array, lo: number, hi: number, text: Uint8Array, from: number, to: number): [number, number] | null {
  const first = boundary(dict, lo, hi, (line) => compareLine(dict, line, text, from, to) < 0);
  const after = boundary(dict, first, hi, (line) => compareLine(dict, line, text, from, to) <= 0);
  return first < after ? [first, after] : null;
}

/** The first line start in [lo, hi) for which `before` is false (`before` is true on a prefix of the lines). */
function boundary(dict: Uint8Array, lo: number, hi: number, before: (line: number) => boolean): number {
  while (lo < hi) {
    const line = Math.max(lo, lineStart(dict, (lo + hi) >>> 1));
    if (before(line)) lo = lineEnd(dict, line) + 1;
    else hi = line;
  }
  return lo;
}

/**
 * A tagger that loads into jieba, before each text, only the dictionary entries found in it (see the file comment);
 * after SUBSET_TEXTS_BEFORE_WHOLE texts, or for a text holding ABSENT_WORD, the whole dictionary instead.
 */
export function subsetTagger(Jieba: typeof NodeRsJieba.Jieba, dict: Uint8Array): Tagger {
  let whole: NodeRsJieba.Jieba | undefined;
  const tagWhole: Tagger = (text) => (whole ??= Jieba.withDict(dict)).tag(text, USE_HMM);
  if (dict.length !== DICT_BYTES) return tagWhole;
  const jieba = new Jieba();
  const words = new WordsOfText(dict);
  const encoder = new TextEncoder();
  let texts = 0;
  return (text) => {
    if (++texts > SUBSET_TEXTS_BEFORE_WHOLE || text.includes(ABSENT_WORD)) return tagWhole(text);
    const lines = words.newLines(encoder.encode(text));
    if (lines !== null) jieba.loadDict(lines);
    return jieba.tag(text, USE_HMM);
  };
}

function load(): Tagger {
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as typeof NodeRsJieba;
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  return subsetTagger(Jieba, dict);
}

/** The tagger, loaded on first use; null when the native module cannot load here. */
export function segmenter(): Tagger | null {
  if (tagger !== undefined) return tagger;
  try {
    tagger = load();
  } catch (error) {
    tagger = null;
    loadError = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
  return tagger;
}

/** Whether the segmenter has been asked for in this process (loaded, or tried and failed). */
export function segmenterLoaded(): boolean {
  return tagger !== undefined;
}

/** Why the segmenter did not load, or null (not tried yet, or loaded). */
export function segmenterLoadError(): string | null {
  return loadError;
}

/** The tokens of `text` with their start offsets. */
export function tokensWithOffsets(tag: Tagger, text: string): (TaggedWord & { start: number })[] {
  let start = 0;
  return tag(text).map((t) => {
    const token = { ...t, start };
    start += t.word.length;
    return token;
  });
}
