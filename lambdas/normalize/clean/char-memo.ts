/**
 * Per-character answers of a Unicode-property RegExp (`\p{L}`, `\p{Script=Han}`), remembered per BMP code unit.
 * V8 runs such a class at tens of nanoseconds a character, which made counting letters or Han characters in a
 * 20,000-character article cost more than the rest of its processing; a table lookup costs about one. The RegExp
 * stays the definition: each code unit is asked once, on first sight, so answers follow the runtime's Unicode data.
 */

/** Code units in the Basic Multilingual Plane: one memo byte each (64 KB per predicate). */
const BMP_UNITS = 0x10000;
const UNKNOWN = 0;
const YES = 1;
const NO = 2;

/** A predicate over one character (a BMP code unit, or an astral code point), answered by `re` and memoized. */
export interface CharTest {
  (codePoint: number): boolean;
}

/** `re` must be a non-global, `u`-flagged test of a single character, such as `/\p{L}/u`. */
export function memoizeCharTest(re: RegExp): CharTest {
  if (re.global || re.sticky) throw new RangeError(`memoizeCharTest needs a non-global RegExp: ${re}`);
  const memo = new Uint8Array(BMP_UNITS);
  return (codePoint) => {
    if (codePoint >= BMP_UNITS) return re.test(String.fromCodePoint(codePoint));
    let answer = memo[codePoint]!;
    if (answer === UNKNOWN) {
      answer = re.test(String.fromCharCode(codePoint)) ? YES : NO;
      memo[codePoint] = answer;
    }
    return answer === YES;
  };
}


/** One flag byte per BMP code unit: 1 for each code unit of `chars`, else 0. */
export function unitFlags(chars: string): Uint8Array {
  const flags = new Uint8Array(BMP_UNITS);
  for (let i = 0; i < chars.length; i++) flags[chars.charCodeAt(i)] = 1;
  return flags;
}

/**
 * Up to eight sets of code units in one table: bit k (1 << k) of a unit's byte is set when the unit is in `sets[k]`.
 * A reader that asks several sets about one character reads one cache line instead of one per set's table: the tables
 * are 64 KB each, Han characters are spread over 20,000 code units, and the page parsed before a record's enrichment
 * pushes them out of the cache, so each set asked was a miss per distinct character of every page.
 */
export function packedUnitFlags(sets: readonly string[]): Uint8Array {
  if (sets.length > 8) throw new RangeError(`packedUnitFlags packs at most 8 sets, not ${sets.length}`);
  const flags = new Uint8Array(BMP_UNITS);
  sets.forEach((chars, k) => {
    for (let i = 0; i < chars.length; i++) flags[chars.charCodeAt(i)]! |= 1 << k;
  });
  return flags;
}

/** Words grouped by their first code unit, each group in list order. */
export type WordsByFirstUnit = ReadonlyMap<number, readonly string[]>;

/** `words` by first code unit: a text is then tried only against the words its first unit can start (empty words are dropped). */
export function wordsByFirstUnit(words: readonly string[]): WordsByFirstUnit {
  const out = new Map<number, string[]>();
  for (const w of words) {
    if (w === '') continue;
    const first = w.charCodeAt(0);
    const group = out.get(first);
    if (group) group.push(w);
    else out.set(first, [w]);
  }
  return out;
}
