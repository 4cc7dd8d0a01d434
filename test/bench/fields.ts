/**
 * Matching rules for the non-body fields the bench scores (zh-cwced labels; aeb and gne have none).
 *
 * Date, to the day: the label counts only when it is a full date (`2005-5-7 21:23:57`, `2004-12-10`; not `1998-3` or
 * `2018`); a prediction is right when its year, month and day all equal the label's. A missing year is wrong.
 *
 * Authors, strict: both sides become a set of names: NFKC, Simplified (OpenCC, as the record is), parenthesised aliases dropped (`周思博 (Joel Spolsky)` →
 * 周思博), split on white space, 、 , ， ; ； / and the word "and", Latin lower-cased. A page is right only when the two
 * sets are EQUAL (no name missing, no name extra). We also report the lenient figure "every labelled name found"
 * (extras allowed), and how many pages with no author label got an author anyway.
 */

import { toSimplified } from '../../lambdas/normalize/clean/simplified.js';

export interface DayDate {
  year: number;
  month: number;
  day: number;
}

/** A label like `2005-5-7 21:23:57` or `2004-12-10` → its day; partial labels (`1998-3`, `2018`) → null. */
const FULL_DATE_LABEL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s|$)/;
/** A date somewhere in a peer's free-form string: 2005-05-07, 2005/5/7, 2005.5.7, 2005年5月7日. */
const DATE_IN_TEXT = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

export function labelDay(label: string | null | undefined): DayDate | null {
  const m = FULL_DATE_LABEL.exec(label?.trim() ?? '');
  return m ? toDay(m) : null;
}

/** The first date found in a free-form string (peers' `publishedTime`, `published`), taken as written (no time-zone shift). */
export function findDay(text: string | null | undefined): DayDate | null {
  const m = DATE_IN_TEXT.exec(text ?? '');
  return m ? toDay(m) : null;
}

function toDay(m: RegExpExecArray): DayDate | null {
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, month, day } : null;
}

export function sameDay(a: DayDate | null, b: DayDate | null): boolean {
  return !!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day;
}

const PARENTHESISED = /[(（][^)）]*[)）]/g;
const NAME_SEPARATORS = /[\s、,，;；/|]+|\band\b/giu;

/** The set of names a label or a list of predicted author strings stands for. */
export function authorNames(values: ReadonlyArray<string | null | undefined>): Set<string> {
  const names = new Set<string>();
  for (const value of values) {
    const cleaned = toSimplified((value ?? '').normalize('NFKC')).replace(PARENTHESISED, ' ');
    for (const name of cleaned.split(NAME_SEPARATORS)) if (name.trim()) names.add(name.trim().toLowerCase());
  }
  return names;
}

export type AuthorVerdict = 'exact' | 'found' | 'wrong';

/** `exact`: equal sets; `found`: every labelled name predicted, with extras; `wrong`: otherwise (including empty). */
export function judgeAuthors(label: string, predicted: readonly string[]): AuthorVerdict {
  const truth = authorNames([label]);
  const pred = authorNames(predicted);
  const allFound = [...truth].every((n) => pred.has(n));
  if (allFound && pred.size === truth.size) return 'exact';
  return allFound ? 'found' : 'wrong';
}
