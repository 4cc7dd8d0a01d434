/**
 * A text capture's lines (the seeds' form: a page saved as text): split at every line break, each line cleaned,
 * empty lines dropped. Which line is the headline, an info line or the body is read in extract/text-layout.ts.
 */
import { cleanText, type CleanedText } from '../clean/clean-text.js';
import type { Script } from '../clean/simplified.js';
import { MAX_CAPTURE_LINES, MAX_PAGE_CHARS } from './budget.js';

const LINE_BREAK = /\r\n|\r|\n/;

/** `script`: the capture's script as served (detectScript over the whole text), which decides what OpenCC converts. */
export function captureLines(text: string, script: Script): CleanedText[] {
  return text.split(LINE_BREAK).map((l) => cleanText(l, script)).filter((l) => l.text !== '');
}

/**
 * The part of a capture the budget (budget.ts) reads: at most MAX_PAGE_CHARS characters and MAX_CAPTURE_LINES lines
 * (cut at a line break), with the warning that says so.
 */
export function boundCapture(text: string): { text: string; warnings: string[] } {
  let cut = text.length > MAX_PAGE_CHARS ? MAX_PAGE_CHARS : -1;
  let reason = `${MAX_PAGE_CHARS} characters`;
  const end = cut < 0 ? text.length : cut;
  let lines = 0;
  for (let lf = text.indexOf('\n'); lf >= 0 && lf < end; lf = text.indexOf('\n', lf + 1)) {
    if (++lines === MAX_CAPTURE_LINES) {
      cut = lf;
      reason = `${MAX_CAPTURE_LINES} lines`;
      break;
    }
  }
  if (cut < 0) return { text, warnings: [] };
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return { text: text.slice(0, cut), warnings: [`text cut after its first ${reason} (at character ${cut} of ${text.length}): the rest was not read`] };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
