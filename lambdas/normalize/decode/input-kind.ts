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

/** Throws EMPTY_INPUT, INPUT_TOO_LARGE or UNSUPPORTED_INPUT; returns normally for anything that may be text. */
export function assertTextLike(bytes: Uint8Array): void {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new JsnewsError(ErrorCode.InputTooLarge, `input is ${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes (16 MiB)`);
  }
  const sig = BINARY_SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (sig) throw new JsnewsError(ErrorCode.UnsupportedInput, `input is a ${sig.name}, not a web page or text capture`);
  if (isUtf16Bom(bytes)) return;
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) throw new JsnewsError(ErrorCode.UnsupportedInput, 'input is binary (it contains NUL bytes), not a web page or text capture');
  if (isBlankBytes(bytes)) throw new JsnewsError(ErrorCode.EmptyInput, bytes.length === 0 ? 'input is empty (0 bytes)' : 'input holds only white space');
}

function isUtf16Bom(b: Uint8Array): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
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

// Tags whose presence near the top means markup. A text capture may mention "<" but not these.
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:(?:!doctype\s+html|html|head|body|meta|title|div|p|table|\?xml)[\s>\/]|[a-z][\w-]*\s+[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*\ufeff?<(?:!doctype|html|head))/i;
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
