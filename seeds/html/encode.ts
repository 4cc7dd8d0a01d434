/**
 * Charset step of the seed-page generator: turn a page's HTML string into the bytes a server of that
 * kind would send. TextEncoder only speaks UTF-8, so the legacy encoders are built by decoding every
 * two-byte sequence with the WHATWG decoder (TextDecoder) and inverting the result. A character the
 * target charset cannot hold is written as a decimal numeric character reference (&#NNNN;), which is
 * exactly what legacy-charset CMSs emit for it.
 */

export type PageCharset = 'utf-8' | 'gbk' | 'big5';

export interface EncodedPage {
  bytes: Uint8Array;
  /** How many characters had to be written as &#NNNN; because the charset cannot encode them. */
  ncrCount: number;
}

interface ByteRange {
  from: number;
  to: number;
}

interface TwoByteLayout {
  decoderLabel: string;
  leads: ByteRange[];
  trails: ByteRange[];
  /** Pointer ranges a plain server encoder would never emit (vendor or user-defined areas). */
  skip: (lead: number, trail: number) => boolean;
}

// GBK: lead 0x81-0xFE, trail 0x40-0x7E and 0x80-0xFE (0x30-0x39 would start a GB18030 four-byte form).
const GBK_LAYOUT: TwoByteLayout = {
  decoderLabel: 'gbk',
  leads: [{ from: 0x81, to: 0xfe }],
  trails: [
    { from: 0x40, to: 0x7e },
    { from: 0x80, to: 0xfe },
  ],
  skip: () => false,
};

// Big5 as a CP950-style server writes it: lead 0xA1-0xF9 only (0x81-0xA0 and 0xFA-0xFE are HKSCS in the
// WHATWG index), and not the 0xC6A1-0xC8FE user-defined block, which plain Big5 leaves empty.
const BIG5_LAYOUT: TwoByteLayout = {
  decoderLabel: 'big5',
  leads: [{ from: 0xa1, to: 0xf9 }],
  trails: [
    { from: 0x40, to: 0x7e },
    { from: 0xa1, to: 0xfe },
  ],
  skip: (lead, trail) => (lead === 0xc6 && trail >= 0xa1) || lead === 0xc7 || lead === 0xc8,
};

const LAYOUTS: Record<Exclude<PageCharset, 'utf-8'>, TwoByteLayout> = { gbk: GBK_LAYOUT, big5: BIG5_LAYOUT };

const reverseTables = new Map<string, Map<number, number>>();

/** Code point → two bytes packed as (lead << 8) | trail; the first (lowest) sequence wins, as in WHATWG encoders. */
function buildReverseTable(layout: TwoByteLayout): Map<number, number> {
  const decoder = new TextDecoder(layout.decoderLabel, { fatal: true });
  const table = new Map<number, number>();
  for (const lead of expand(layout.leads)) {
    for (const trail of expand(layout.trails)) {
      if (layout.skip(lead, trail)) continue;
      const cp = decodePair(decoder, lead, trail);
      if (cp !== null && cp >= 0x80 && !table.has(cp)) table.set(cp, (lead << 8) | trail);
    }
  }
  return table;
}

function decodePair(decoder: TextDecoder, lead: number, trail: number): number | null {
  try {
    const chars = [...decoder.decode(new Uint8Array([lead, trail]))];
    return chars.length === 1 ? (chars[0]!.codePointAt(0) ?? null) : null;
  } catch {
    return null; // unmapped pair: the fatal decoder refuses it, so it is simply not in the table
  }
}

function* expand(ranges: ByteRange[]): Generator<number> {
  for (const { from, to } of ranges) for (let b = from; b <= to; b++) yield b;
}

function reverseTableFor(charset: Exclude<PageCharset, 'utf-8'>): Map<number, number> {
  let table = reverseTables.get(charset);
  if (!table) {
    table = buildReverseTable(LAYOUTS[charset]);
    reverseTables.set(charset, table);
  }
  return table;
}

/** Encode a page's HTML to its served bytes; unencodable characters become `&#NNNN;`. */
export function encodeHtml(html: string, charset: PageCharset): EncodedPage {
  if (charset === 'utf-8') return { bytes: new TextEncoder().encode(html), ncrCount: 0 };
  const table = reverseTableFor(charset);
  const out: number[] = [];
  let ncrCount = 0;
  for (const ch of html) {
    const cp = ch.codePointAt(0)!;
    const pair = cp < 0x80 ? undefined : table.get(cp);
    if (cp < 0x80) out.push(cp);
    else if (pair !== undefined) out.push(pair >> 8, pair & 0xff);
    else {
      ncrCount++;
      for (const c of `&#${cp};`) out.push(c.charCodeAt(0));
    }
  }
  return { bytes: Uint8Array.from(out), ncrCount };
}
