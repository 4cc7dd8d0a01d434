/**
 * A text capture's lines (the seeds' form: a page saved as text): split at every line break, each line cleaned,
 * empty lines dropped. Which line is the headline, an info line or the body is read in extract/text-layout.ts.
 */
import { cleanText, type CleanedText } from '../clean/clean-text.js';
import type { Script } from '../clean/simplified.js';

const LINE_BREAK = /\r\n|\r|\n/;

/** `script`: the capture's script as served (detectScript over the whole text), which decides what OpenCC converts. */
export function captureLines(text: string, script: Script): CleanedText[] {
  return text.split(LINE_BREAK).map((l) => cleanText(l, script)).filter((l) => l.text !== '');
}
