/**
 * The record's `language`. The contract fixes "zh-Hans" for Chinese output (everything is converted to Simplified);
 * pages in other languages (the aeb benchmark's English, Korean, Russian pages) say what they are instead of claiming
 * to be Chinese: the page's own `<html lang>`, else "und" (undetermined, BCP 47).
 */

/** Text is Chinese when at least this share of its letters are Han: a Chinese article quoting English stays Chinese. */
const MIN_HAN_SHARE = 0.2;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LETTER = /\p{L}/gu;
/** Kana: Japanese text, however many kanji it has. */
const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/u;
/** A well-formed primary language subtag, optionally with region/script: en, en-US, pt-br, zh-CN. */
const LANG_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function findLanguage(text: string, htmlLang: string | null | undefined): string {
  const letters = text.match(LETTER)?.length ?? 0;
  const han = text.match(HAN)?.length ?? 0;
  const japanese = KANA.test(text);
  if (!japanese && letters > 0 && han / letters >= MIN_HAN_SHARE) return 'zh-Hans';
  if (japanese && !htmlLang) return 'ja';
  const lang = htmlLang?.trim();
  if (lang && LANG_TAG.test(lang) && !/^zh\b/i.test(lang)) return lang.toLowerCase();
  return letters === 0 ? 'zh-Hans' : 'und';
}
