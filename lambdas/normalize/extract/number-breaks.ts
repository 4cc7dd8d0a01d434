/**
 * A line break that falls inside a number: 「总投资5\n00万元」, 「增长3.\n5%」, 「增加2\n,000人」. Source HTML wraps long
 * lines and CMS editors insert <br> at a fixed width, so a break can land between two digits; collapsed to a space
 * (「5 00万元」) or split into two paragraphs, the figure reads as 00万元 (0) or as two numbers.
 *
 * The rule is narrow so that lines ending in a number stay apart: the text before the break ends with a Han character
 * and digits (at most a trailing . or ,), and the text after starts with digits that run into a Han character or %
 * (not a date or time word). A number list 「1」「2」 and a headline ending 「前20」 before a lead opening 「9月25日」 are
 * not joined. Checked on the 327 bench and seed inputs: their records are unchanged (none has such a break).
 */

/** Before a break: a Han character, then digits, then at most one decimal point or thousands comma. */
const NUMBER_HEAD = /\p{Script=Han}\d+[.,]?$/u;
/**
 * After a break: an optional . or , then digits (with more . or , groups), running into a Han character or %, but not
 * into a date or time word: a line that opens 「9月25日，…」 starts a new item after a headline ending 「前20」 (gne).
 */
const NUMBER_TAIL = /^[.,]?\d+(?:[.,]\d+)*(?![年月日时号])[\p{Script=Han}%％]/u;
/** A break inside one text: line-break characters with any spaces or tabs around them, between a head and a tail. */
const BREAK_IN_NUMBER = /(?<=\p{Script=Han}\d+[.,]?)[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*(?=[.,]?\d+(?:[.,]\d+)*(?![年月日时号])[\p{Script=Han}%％])/gu;
const LINE_BREAK = /[\r\n]/;

/** The text with every line break that falls inside a number removed (the digits joined); other breaks kept. */
export function joinNumberBreaks(text: string): string {
  return LINE_BREAK.test(text) ? text.replace(BREAK_IN_NUMBER, '') : text;
}

/** Whether a line that ends with `before` and the next that starts with `after` are one number cut by the break. */
export function isNumberBreak(before: string, after: string): boolean {
  return NUMBER_HEAD.test(before) && NUMBER_TAIL.test(after);
}
