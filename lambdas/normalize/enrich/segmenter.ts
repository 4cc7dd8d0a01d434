/**
 * The Chinese word segmenter with part-of-speech tags: @node-rs/jieba (jieba-rs, a maintained Rust port of jieba, as a
 * Node-API module; its tags are jieba's ICTCLAS-style set: nr person, ns place, nt organisation, v verb, p preposition,
 * d adverb, c conjunction, u particle, x unknown word found by its HMM…).
 *
 * Loaded once, lazily, on the first call: the native module and its dictionary (dict.txt, 5 MB, read by the package's
 * own `@node-rs/jieba/dict`) cost ~100 ms CPU, ~170 ms wall and +57 MB RSS in a fresh process (2-core dev box at load
 * 3-8, `npm run bench:lambda`), so a
 * page that never asks the segmenter anything never pays it. `require` is made with createRequire so that esbuild leaves
 * the package outside the bundle (lib/bundling.ts EXTERNAL_MODULES): the Lambda finds it in the asset's node_modules,
 * the CLI and tests in the project's.
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

let tagger: Tagger | null | undefined;
let loadError: string | null = null;

function load(): Tagger {
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as typeof NodeRsJieba;
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  return (text) => jieba.tag(text, USE_HMM);
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
