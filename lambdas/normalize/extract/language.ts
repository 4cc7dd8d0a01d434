/**
 * The record's `language`. The contract fixes "zh-Hans" for Chinese output (everything is converted to Simplified);
 * pages in other languages (the aeb benchmark's English, Korean, Russian pages) say what they are instead of claiming
 * to be Chinese: the page's own `<html lang>`, else "und" (undetermined, BCP 47).
 */

import { memoizeCharTest } from '../clean/char-memo.js';

/** Text is Chinese when at least this share of its letters are Han: a Chinese article quoting English stays Chinese. */
const MIN_HAN_SHARE = 0.2;
/** Han for the share test: CJK unified ideographs (with extension A) and compatibility ideographs, all in the BMP. */
const isHan = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isLetter = memoizeCharTest(/\p{L}/u);
/** Kana: Japanese text, however many kanji it has. */
const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/u;
/** A well-formed primary language subtag, optionally with region/script: en, en-US, pt-br, zh-CN. */
const LANG_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function findLanguage(text: string, htmlLang: string | null | undefined): string {
  const { letters, han } = countLetters(text);
  const japanese = KANA.test(text);
  if (!japanese && letters > 0 && han / letters >= MIN_HAN_SHARE) return 'zh-Hans';
  if (japanese && !htmlLang) return 'ja';
  const lang = htmlLang?.trim();
  if (lang && LANG_TAG.test(lang) && !/^zh\b/i.test(lang)) return lang.toLowerCase();
  return letters === 0 ? 'zh-Hans' : 'und';
}

/** Letters (`\p{L}`, per code point) and characters in the Han ranges above, in one pass. */
function countLetters(text: string): { letters: number; han: number } {
  let letters = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (isHan(cp)) han++;
    if (isLetter(cp)) letters++;
  }
  return { letters, han };
}

/**
 * Languages whose pages write N/N/YYYY month first: US English, and pages that do not say (the US-configured servers of
 * zh-cwced's older pages print `9/17/2004 5:54:13 AM`). Chinese, Japanese and Korean write the year first, so an N/N/YYYY
 * on their pages is a server's US format too. English elsewhere (en-GB, en-IN…) and the other languages write the day
 * first (aeb f6ac15a4, a pt_BR page: `05/10/2018`, 5 October).
 */
const MONTH_FIRST_LANG = /^(?:en|zh|ja|ko)(?:[-_]|$)/i;
const ENGLISH_REGION = /^en[-_](?!us\b|ph\b|ca\b)[a-z]{2}\b/i;

/** The page's declared language (`<html lang>`, else its content-language meta) writes N/N/YYYY day first. */
export function writesDayFirst(lang: string | null | undefined): boolean {
  const tag = lang?.trim().split(/[,;\s]/)[0] ?? '';
  if (!LANG_TAG.test(tag.replace(/_/g, '-'))) return false;
  if (ENGLISH_REGION.test(tag)) return true;
  return !MONTH_FIRST_LANG.test(tag);
}
