/**
 * Patterns shared by more than one clean/ module (pinyin-annotations.ts strips these, mojibake.ts flags leftovers).
 * Kept as source strings so each user composes them into its own compiled RegExp.
 */

// Vowels (and ń ň ǹ ḿ for 嗯/呣) carrying a pinyin tone mark, precomposed, plus the combining tone marks
// (macron U+0304, acute U+0301, caron U+030C, grave U+0300) in case the text arrives decomposed (NFD).
export const TONE_MARKED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜếềńňǹḿ\u0300\u0301\u0304\u030c';
// Untoned pinyin letters: a–z, ü and ê.
const PLAIN = 'a-züê';

export const PINYIN = {
  /** One lower-case pinyin syllable, toned or toneless: `zhèn`, `lǜ`, `de`. */
  syllable: `[${PLAIN}${TONE_MARKED}]+`,
  /** One lower-case pinyin syllable that carries at least one tone mark: `xiàn`, not `de`. */
  tonedSyllable: `[${PLAIN}]*[${TONE_MARKED}][${PLAIN}${TONE_MARKED}]*`,
  /** Opening parenthesis, ASCII or full-width. */
  open: '[(（]',
  /** Closing parenthesis, ASCII or full-width. */
  close: '[)）]',
} as const;
