/** Every code point Unicode assigns to the Han script (about 98k), for exhaustive per-character comparisons. */
const HAN = /^\p{Script=Han}$/u;
const MAX_CODE_POINT = 0x10ffff;

export function hanCodePoints(): string[] {
  const chars: string[] = [];
  for (let cp = 0; cp <= MAX_CODE_POINT; cp += 1) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates are not characters
    const ch = String.fromCodePoint(cp);
    if (HAN.test(ch)) chars.push(ch);
  }
  return chars;
}
