/**
 * What kind of input is this? Bytes are sniffed, never trusted by file extension: a `.txt` may hold HTML
 * and a `.html` may be a PNG someone saved with the wrong name.
 */
import { ErrorCode, JsnewsError } from '../../contract/errors.js';

/** Largest input the normalizer accepts. Real article pages are < 2 MB; 30 MB pages are inline-image dumps or attacks. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;
/** How many leading bytes we inspect for binary signatures and NUL bytes. */
const SNIFF_BYTES = 8192;

// Magic numbers of the binary formats people most often feed a scraper by mistake.
const BINARY_SIGNATURES: ReadonlyArray<{ name: string; bytes: number[] }> = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'gzip data (decompress it first)', bytes: [0x1f, 0x8b] },
  { name: 'ZIP archive (or Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'WebP/RIFF data', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'bzip2 data', bytes: [0x42, 0x5a, 0x68] },
  { name: '7z archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
];

/**
 * Control bytes (C0 other than tab, line feed, vertical tab, form feed, carriage return and escape) in the first
 * SNIFF_BYTES: text has none or a stray few, compressed or random data about one byte in eight (32 of 256 values).
 * More than 2% (and at least 4) is binary. Checked on the 327 bench and seed pages: the most any has is 0.2% (17 of 8,192).
 */
const MAX_CONTROL_BYTE_SHARE = 0.02;
const MIN_CONTROL_BYTES = 4;

/** zlib (RFC 1950) header: deflate with a 32 KiB window or less (CMF 0x08-0x78 low nibble 8), header checksum a multiple of 31. */
function isZlibHeader(b: Uint8Array): boolean {
  const cmf = b[0];
  const flg = b[1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0 && (flg & 0x20) === 0 && b.length > 8;
}

/** Throws EMPTY_INPUT, INPUT_TOO_LARGE or UNSUPPORTED_INPUT; returns normally for anything that may be text. */
export function assertTextLike(bytes: Uint8Array): void {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new JsnewsError(ErrorCode.InputTooLarge, `input is ${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes (16 MiB)`);
  }
  const sig = BINARY_SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (sig) throw new JsnewsError(ErrorCode.UnsupportedInput, `input is a ${sig.name}, not a web page or text capture`);
  // UTF-16/32 text has NUL and control bytes by nature: it is checked after decoding (assertDecodedTextLike).
  if (unicodeBom(bytes)) return;
  if (isZlibHeader(bytes)) throw new JsnewsError(ErrorCode.UnsupportedInput, 'input is zlib-compressed data (decompress it first), not a web page or text capture');
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) throw new JsnewsError(ErrorCode.UnsupportedInput, 'input is binary (it contains NUL bytes), not a web page or text capture');
  const controls = countControlBytes(head);
  if (controls >= MIN_CONTROL_BYTES && controls > head.length * MAX_CONTROL_BYTE_SHARE) {
    throw new JsnewsError(ErrorCode.UnsupportedInput, `input is binary (${controls} control bytes in its first ${head.length}: compressed or random data?), not a web page or text capture`);
  }
  if (isBlankBytes(bytes)) throw new JsnewsError(ErrorCode.EmptyInput, bytes.length === 0 ? 'input is empty (0 bytes)' : 'input holds only white space');
}

/** The byte-order mark of UTF-16 or UTF-32 text, or null. FF FE 00 00 is UTF-32LE, not UTF-16LE text starting with NUL. */
export function unicodeBom(b: Uint8Array): 'utf-32le' | 'utf-32be' | 'utf-16le' | 'utf-16be' | null {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

function countControlBytes(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) n++;
  }
  return n;
}

/** Characters of decoded text sampled by assertDecodedTextLike. */
const SNIFF_CHARS = 8192;
/**
 * Share of the sampled characters that text never has in bulk: C0/C1 controls (other than white space), U+FFFD
 * (undecodable bytes), private-use code points and noncharacters. Random bytes decoded as UTF-16 give about 13%
 * (private use alone is 6,400 of 65,536 code units), as GB18030 5-15%; the 327 bench and seed pages at most 0.2%
 * (stray control characters on one zh-cwced page). Above 2% the input is refused as binary.
 */
const MAX_UNUSUAL_CHAR_SHARE = 0.02;
const MIN_UNUSUAL_CHARS = 8;

function isUnusualChar(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d;
  if (c >= 0x7f && c <= 0x9f) return true;
  if (c >= 0xe000 && c <= 0xf8ff) return true; // private use
  if (c >= 0xfdd0 && c <= 0xfdef) return true; // noncharacters
  return c === 0xfffd || c === 0xfffe || c === 0xffff;
}

/** isUnusualChar per UTF-16 unit, as a table: one read per sampled character instead of a chain of range tests. */
const UNUSUAL_UNITS = ((): Uint8Array => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < t.length; c++) if (isUnusualChar(c)) t[c] = 1;
  return t;
})();

/** Throws UNSUPPORTED_INPUT when decoded text is really binary data (random bytes, compressed data, a BOM in front of either). */
export function assertDecodedTextLike(text: string): void {
  const n = Math.min(text.length, SNIFF_CHARS);
  let unusual = 0;
  for (let i = 0; i < n; i++) unusual += UNUSUAL_UNITS[text.charCodeAt(i)]!;
  if (unusual >= MIN_UNUSUAL_CHARS && unusual > n * MAX_UNUSUAL_CHAR_SHARE) {
    throw new JsnewsError(ErrorCode.UnsupportedInput, `input is binary: ${unusual} of its first ${n} characters are control, private-use or undecodable, not a web page or text capture`);
  }
}

/**
 * Throws UNSUPPORTED_INPUT for a JSON document (issue 9 class 8: `jsnews normalize package.json` gave a record titled
 * `"name": "jsnews",`): the whole text, trimmed, is one JSON object or array. A text capture that quotes JSON has
 * prose around it. Only called for inputs that are not HTML.
 */
export function assertNotJsonData(text: string): void {
  const t = text.trim().replace(/^\ufeff/, '');
  const open = t[0];
  const close = t[t.length - 1];
  if (!((open === '{' && close === '}') || (open === '[' && close === ']'))) return;
  try {
    JSON.parse(t);
  } catch {
    return;
  }
  throw new JsnewsError(ErrorCode.UnsupportedInput, `input is JSON data (${open === '{' ? 'an object' : 'an array'}), not a web page or text capture`);
}

function isBlankBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) {
      // A UTF-8 BOM alone is blank too.
      if (i === 0 && c === 0xef && b[1] === 0xbb && b[2] === 0xbf && b.length === 3) return true;
      return false;
    }
  }
  return true;
}

// Tags whose presence near the top means markup. A text capture may mention "<" but not these. A comment ends at its
// first --> (as in HTML): read as "[\s\S]*?-->", each comment could also end at any later -->, and a head of n comments
// before text was tried 2^n ways (issue 10: 24 comments 0.4 s, the 4 KB head holds 585).
const HTML_START = /^\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)*<(?:(?:!doctype\s+html|html|head|body|meta|title|div|p|table|\?xml)[\s>\/]|[a-z][\w-]*\s+[^>]*>\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)*\ufeff?<(?:!doctype|html|head))/i;
/** A document element anywhere near the top: saved pages wrapped in another element are still HTML. */
const DOCUMENT_TAG = /<(?:html|head|body)[\s>]/i;
const HTML_TAGS_ANYWHERE = /<(?:html|body|div|p|br|table|span|a)\b[^>]*>/gi;
/** Markup tags in the first 4 KB that make a document HTML even without a leading tag (fragments, saved snippets). */
const MIN_TAGS_FOR_HTML = 5;

export type InputKind = 'html' | 'text';

export function detectInputKind(text: string): InputKind {
  const head = text.slice(0, 4096).replace(/^\ufeff/, '');
  if (HTML_START.test(head) || DOCUMENT_TAG.test(head)) return 'html';
  const tags = head.match(HTML_TAGS_ANYWHERE)?.length ?? 0;
  return tags >= MIN_TAGS_FOR_HTML ? 'html' : 'text';
}
