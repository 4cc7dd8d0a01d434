/**
 * A text capture's lines (the seeds' form: a page saved as text): split at every line break, each line cleaned,
 * empty lines dropped. Which line is the headline, an info line or the body is read in extract/text-layout.ts.
 */
import { cleanText, type CleanedText } from '../clean/clean-text.js';

const LINE_BREAK = /\r\n|\r|\n/;

export function captureLines(text: string): CleanedText[] {
  return text.split(LINE_BREAK).map(cleanText).filter((l) => l.text !== '');
}
