/**
 * Bytes → text. The order of trust (WHATWG "encoding sniffing", adapted to Chinese sites that lie):
 *   1. a byte-order mark;
 *   2. bytes that are valid UTF-8 (and not plain ASCII) are UTF-8, whatever anyone declares;
 *   3. the charset the caller gives (--charset, later the HTTP Content-Type header);
 *   4. a <meta charset> / http-equiv declaration (or an XML/wrapper `encoding=`) in the first bytes;
 *   5. sniffing between the GB family and Big5 by decoding errors and character frequency.
 * A declared charset that produces many decoding errors is not trusted: we fall through to sniffing
 * and say so in `warnings`. GB2312 and GBK labels decode as GB18030, their superset, because servers
 * routinely send GBK (and GB18030) bytes under a gb2312 label.
 */

import { Buffer, isAscii } from 'node:buffer';
import { unicodeBom } from './input-kind.js';

export type CharsetSource = 'bom' | 'utf8-valid' | 'caller' | 'meta' | 'sniff' | 'ascii';

export interface DecodedText {
  text: string;
  /** WHATWG encoding name actually used: 'utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be', 'windows-1252', ... */
  charset: string;
  source: CharsetSource;
  /** What the page or caller declared, if anything (lower-cased label as written). */
  declared: string | null;
  warnings: string[];
}

/** How far into the document we look for a <meta> declaration. HTML's prescan uses 1024; CMS pages put long comments first. */
const META_PRESCAN_BYTES = 4096;
/** A declared charset is distrusted when more than this share of decoded chars are U+FFFD. One bad byte pair is noise; 1% is a wrong label. */
const MAX_REPLACEMENT_SHARE_FOR_DECLARED = 0.01;
/** Labels that mean "some GB encoding": all decode as the superset GB18030. */
const GB_FAMILY = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'csgb2312', 'chinese', 'iso-ir-58', 'gb_2312-80', 'euc-cn', 'x-euc-cn', 'hz-gb-2312']);
/** Labels that mean Big5 (WHATWG big5 includes HKSCS). */
const BIG5_FAMILY = new Set(['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5', 'cp950', 'ms950', 'windows-950']);

/** Maps a declared label to the decoder we use for it, or null when Node cannot decode it. */
export function resolveCharsetLabel(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (GB_FAMILY.has(l)) return 'gb18030';
  if (BIG5_FAMILY.has(l)) return 'big5';
  if (l === 'utf8') return 'utf-8';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

export function decodeBytes(bytes: Uint8Array, opts: { declared?: string | null } = {}): DecodedText {
  const warnings: string[] = [];
  const bom = bomCharset(bytes);
  if (bom) return { text: decodeWith(bom.charset, bytes.subarray(bom.length)), charset: bom.charset, source: 'bom', declared: opts.declared ?? null, warnings };

  const metaLabel = findDeclaredCharset(bytes);
  const declared = opts.declared ?? metaLabel;
  if (isAscii(bytes)) return { text: decodeWith('utf-8', bytes), charset: 'utf-8', source: 'ascii', declared, warnings };
  const utf8 = strictUtf8OrNull(bytes);
  if (utf8 !== null) {
    const d = declared ? resolveCharsetLabel(declared) : null;
    if (d && d !== 'utf-8') warnings.push(`declared charset "${declared}" ignored: the bytes are valid UTF-8`);
    return { text: utf8, charset: 'utf-8', source: 'utf8-valid', declared, warnings };
  }

  for (const [label, source] of [[opts.declared, 'caller'], [metaLabel, 'meta']] as const) {
    if (!label) continue;
    const charset = resolveCharsetLabel(label);
    if (!charset) {
      warnings.push(`unknown charset label "${label}" ignored`);
      continue;
    }
    const text = decodeWith(charset, bytes);
    const share = text.length === 0 ? 0 : replacementChars(text) / text.length;
    if (share <= MAX_REPLACEMENT_SHARE_FOR_DECLARED && !isBetterAsOtherChineseCharset(text, charset, bytes)) {
      return { text, charset, source, declared, warnings };
    }
    warnings.push(`declared charset "${label}" does not fit the bytes; sniffed instead`);
  }
  const sniffed = sniffChineseCharset(bytes);
  return { text: sniffed.text, charset: sniffed.charset, source: 'sniff', declared, warnings };
}

function bomCharset(b: Uint8Array): { charset: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  const bom = unicodeBom(b);
  if (bom) return { charset: bom, length: bom.startsWith('utf-32') ? 4 : 2 };
  return null;
}

function decodeWith(charset: string, bytes: Uint8Array): string {
  if (charset === 'utf-32le' || charset === 'utf-32be') return decodeUtf32(bytes, charset === 'utf-32le');
  return new TextDecoder(charset).decode(bytes);
}

/** Code points per String.fromCodePoint call: well under V8's argument limit. */
const UTF32_CHUNK = 8192;

/** UTF-32 (not in the WHATWG Encoding Standard, so TextDecoder lacks it): invalid code points and a trailing partial unit become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const units = Math.floor(bytes.length / 4);
  const parts: string[] = [];
  const cps: number[] = [];
  for (let i = 0; i < units; i++) {
    const cp = view.getUint32(i * 4, littleEndian);
    cps.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (cps.length === UTF32_CHUNK) {
      parts.push(String.fromCodePoint(...cps));
      cps.length = 0;
    }
  }
  if (cps.length) parts.push(String.fromCodePoint(...cps));
  if (bytes.length % 4) parts.push('\ufffd');
  return parts.join('');
}


const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** The text when the bytes are valid UTF-8, else null: validating and decoding in one pass. */
function strictUtf8OrNull(b: Uint8Array): string | null {
  try {
    return strictUtf8.decode(b);
  } catch {
    return null;
  }
}


// `<meta charset=x>`, `<meta http-equiv=Content-Type content="text/html; charset=x">`, `<?xml encoding="x"?>`,
// and the zh-cwced style wrapper `<text ... encoding="x">`. Matched on the ASCII view of the first bytes.
const DECLARATION_PATTERNS: readonly RegExp[] = [
  /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i,
  /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i,
  /<text\b[^>]+encoding\s*=\s*["']([\w-]+)/i,
];

/** The charset label a document declares in its first bytes, or null. */
export function findDeclaredCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, META_PRESCAN_BYTES));
  for (const re of DECLARATION_PATTERNS) {
    const m = re.exec(head);
    if (m?.[1] && resolveCharsetLabel(m[1]) !== null) return m[1].toLowerCase();
  }
  return null;
}

/** Also used to read a charset from a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

// Sniffing: decode as each candidate and keep the one with the fewest replacement characters; on a tie, the one
// whose text has more of the commonest Chinese characters (GBK bytes often decode "validly" as Big5 into rare ones).
const SNIFF_CANDIDATES = ['gb18030', 'big5'] as const;
/** The commonest Han characters in both scripts (top of any news-text frequency list), for tie-breaking. */
const COMMON_HAN = new Set(Array.from('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质信造技' +
  // The same commonest words in Traditional characters, so Big5 pages score too.
  '這個們國會說時來對麼後學動發過種現實點從業當經還開關頭處電長為與書記產區項義體機門問間話見車習優號參親員團結議'));

/**
 * GBK bytes decode "validly" as Big5 (and the reverse) into rare characters. A declared GB or Big5 label is overruled
 * when the other family reads the same bytes with far more of the commonest characters.
 */
const MISLABEL_COMMON_RATIO = 3;
const MIN_COMMON_FOR_MISLABEL = 10;
function isBetterAsOtherChineseCharset(text: string, charset: string, bytes: Uint8Array): boolean {
  const other = charset === 'gb18030' ? 'big5' : charset === 'big5' ? 'gb18030' : null;
  if (!other) return false;
  // The other decoding cannot have more common characters than it has double-byte characters: when even that many
  // would not be enough, it is not decoded at all (on zh-cwced's GB pages decodeBytes went from 0.46 to 0.37 ms CPU
  // a page). Our own common characters are counted only until they are enough (most <= mine * ratio): on zh-cwced's
  // GB pages that is 33-95% of the text (median 57%).
  const most = doubleByteCharsAtMost(bytes, other);
  if (most < MIN_COMMON_FOR_MISLABEL) return false;
  const mine = commonHanUpTo(text, Math.ceil(most / MISLABEL_COMMON_RATIO));
  if (most <= mine * MISLABEL_COMMON_RATIO) return false;
  const theirs = tallyUnits(decodeWith(other, bytes)).common;
  return theirs >= MIN_COMMON_FOR_MISLABEL && theirs > mine * MISLABEL_COMMON_RATIO;
}

/**
 * An upper bound on the Han characters that decoding `bytes` as `charset` (big5 or gb18030) can give: each one starts
 * with a lead byte 0x81-0xFE followed by a byte 0x40-0xFE (Big5) or 0x30-0xFE (GB18030, whose four-byte sequences
 * start that way too), and no two characters share a byte. So: the most non-overlapping such pairs of neighbouring
 * bytes, counted greedily left to right (greedy is optimal for pairs of neighbours).
 */
function doubleByteCharsAtMost(bytes: Uint8Array, charset: 'big5' | 'gb18030'): number {
  const trailMin = charset === 'big5' ? 0x40 : 0x30;
  let pairs = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81 || lead > 0xfe) continue;
    const trail = bytes[i + 1]!;
    if (trail >= trailMin && trail <= 0xfe) {
      pairs++;
      i++;
    }
  }
  return pairs;
}

/** COMMON_HAN as a table over UTF-16 units (all of them are BMP characters), so counting needs no string per character. */
const COMMON_HAN_UNITS = ((): Uint8Array => {
  const t = new Uint8Array(0x10000);
  for (const ch of COMMON_HAN) t[ch.charCodeAt(0)] = 1;
  return t;
})();
const REPLACEMENT_CHAR = 0xfffd;

/** U+FFFD replacement characters of `text` (native `indexOf` jumps: most pages have none). */
function replacementChars(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) n++;
  return n;
}

/** COMMON_HAN characters of `text`, counted until there are `enough` (then `enough` is returned). */
function commonHanUpTo(text: string, enough: number): number {
  let common = 0;
  for (let i = 0; i < text.length && common < enough; i++) common += COMMON_HAN_UNITS[text.charCodeAt(i)]!;
  return common;
}

/** U+FFFD replacement characters and COMMON_HAN characters of `text`, in one pass (U+FFFD is not in COMMON_HAN). */
function tallyUnits(text: string): { bad: number; common: number } {
  let bad = 0;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === REPLACEMENT_CHAR) bad++;
    else common += COMMON_HAN_UNITS[c]!;
  }
  return { bad, common };
}

function sniffChineseCharset(bytes: Uint8Array): { text: string; charset: string } {
  let best: { text: string; charset: string; bad: number; common: number } | null = null;
  for (const charset of SNIFF_CANDIDATES) {
    const text = decodeWith(charset, bytes);
    const { bad, common } = tallyUnits(text);
    if (!best || bad < best.bad || (bad === best.bad && common > best.common)) best = { text, charset, bad, common };
  }
  return { text: best!.text, charset: best!.charset };
}
