/**
 * Credits: who wrote, edited and photographed the article, which outlet it comes from and which original it reposts.
 * Works on cleaned (Simplified, white-space-collapsed) lines. Five byline shapes occur in the seeds and across the bench:
 *   1. labelled info line under the headline: "2024-02-20 09:49 来源: 编辑:中国江苏网 浏览量:0";
 *   2. labelled tail lines after the body: "责任编辑:龚逍遥", "【责任编辑:陆超】", "原文地址:https://…";
 *   3. a trailing parenthesised byline closing the last paragraph: "(记者 陈志奎)", "(吕正龙)";
 *   4. a photo-caption credit: "镇江市项目攻坚暨产业强市大会现场。 马镇丹 谢道韫 摄";
 *   5. a dateline naming the outlet: "金山网讯 1月28日,…", "本报讯(记者 张三)…".
 */

import type { Credits } from '../../contract/record.js';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from '../data/chinese-surnames.js';
import { PLACE_NAMES } from '../data/china-regions.js';

/**
 * Names kept per credit role (authors, editors, photographers), and the most names one credit may list. The 347 bench
 * and seed pages have at most 4 names in one role and 3 in one credit; 10 leaves room for a long team byline. The cap
 * bounds the record and the work: each name is checked against the list (a list, to keep page order), and the caption
 * and trailing-byline patterns try at most this many names from each start (issue 10: `记者 张三 ` ×100k took 60 s,
 * a caption pattern tried from every white space to the end of the line).
 */
export const MAX_CREDIT_NAMES = 10;

/** The credit roles that list names. */
export type NameRole = 'authors' | 'editors' | 'photographers';

/** Credits as they are read: the record's credits, and the roles whose names MAX_CREDIT_NAMES cut (said in quality.warnings). */
export interface CreditsRead extends Credits {
  namesCut: Set<NameRole>;
}

export function emptyCredits(): CreditsRead {
  return { authors: [], editors: [], photographers: [], source: null, originalUrl: null, namesCut: new Set() };
}

// Labels, longest first so 责任编辑 is never read as plain 编辑. Values run to the next white space or bracket.
const VALUE = String.raw`([^\s:：【】\[\]|｜]*)`;
const COLON = String.raw`\s*[:：]\s*`;
/**
 * Multi-character labels may also be set off by a bar or a slash ("编辑|王小明", "摄影/张艳", "来源|某某发布": WeChat-style
 * credit blocks, issue 9 class 5); single-character ones (文, 摄) only by a colon: "文/X" and "X/摄" are read by
 * readSpacedCredits, which checks the name.
 */
const COLON_OR_BAR = String.raw`\s*(?:[:：]|[|｜/／](?=\s*[\u4e00-\u9fffA-Za-z]))\s*`;
const LABELS = {
  source: new RegExp(String.raw`(?:(?:来源|稿源)${COLON_OR_BAR}|(?:转自|出处|来自)${COLON})${VALUE}`, 'g'),
  editor: new RegExp(String.raw`(?:责任编辑|责编|编辑)${COLON_OR_BAR}${VALUE}`, 'g'),
  author: new RegExp(String.raw`(?:作者${COLON_OR_BAR}|(?:记者|撰稿|撰文|文)${COLON})${VALUE}`, 'g'),
  photographer: new RegExp(String.raw`(?:(?:摄影|摄像)${COLON_OR_BAR}|摄${COLON})${VALUE}`, 'g'),
  /** Production staff with no record field (校对, 审核, 监制…): the line is a credit line, removed from the body. */
  staff: new RegExp(String.raw`(?:校对|审校|审核|初审|复审|终审|监制|统筹|美编)${COLON_OR_BAR}${VALUE}`, 'g'),
  originalUrl: /(?:原文地址|原文链接|原文网址)\s*[:：]\s*(https?:\/\/\S+)/,
} as const;

/** Labels of the credit block that closes an article (editors and production staff, never 来源/作者, which also sit
 * under the headline): what follows it is the site's, not the article's (tail.ts). */
const CLOSING_LABEL = new RegExp(String.raw`(?:责任编辑|责编|编辑|校对|审校|审核|初审|复审|终审|监制|统筹|美编)(?:${COLON_OR_BAR}|\s*$)`);

/** A credit line of the block that closes an article ("责任编辑：X", "编辑|X", "校对|X", "X供稿 摄影/X 编辑/X"). */
export function isClosingCreditLine(line: string): boolean {
  return CLOSING_LABEL.test(line);
}

/** A name in a credit: 2–4 Han characters (Chinese names), or a Latin name. */
const NAME = /^(?:[\u4e00-\u9fff·]{2,6}|[A-Za-z][A-Za-z .'-]{1,40})$/;
/** Values that name an outlet rather than a person: sites fill 编辑/作者 with the source outlet. */
const OUTLET_SUFFIX = /(?:网|报|日报|晚报|社|台|电视台|新闻|客户端|融媒体中心|新闻中心|发布|杂志|频道|政府|办公室|委员会)$/;
/** CMS account names that are not people. */
const NON_PERSON_NAMES = new Set(['admin', 'administrator', '管理员', '网站编辑', '小编', '本网', '佚名', '未知']);
/** A value that is itself the next label ("来源: 编辑:中国江苏网") means the first label was left empty. */
const LABEL_WORD = /^(?:来源|稿源|转自|出处|来自|责任编辑|责编|编辑|记者|作者|撰稿|撰文|摄影|摄像|摄|浏览|阅读|点击|发布|时间|日期)/;
/** Separators between names in one credit. */
const NAME_SEPARATORS = /[\s、，,/／;；]+/;

export function isOutletName(value: string): boolean {
  return value.length >= 2 && OUTLET_SUFFIX.test(value);
}

function valueOf(m: RegExpMatchArray): string {
  const v = m[1]?.trim() ?? '';
  return LABEL_WORD.test(v) || MARKUP_RESIDUE.test(v) ? '' : v;
}
/** A value that is a tag's attribute left as text by broken markup ('来源： size="20"', zh-cwced 05e98007: an <input>
 * written without its "<"): the label was left empty. */
const MARKUP_RESIDUE = /^[A-Za-z-]+\s*=\s*["']/;

/** Role words that sit among names in a credit ("实习生 樊亮"), never names themselves. */
const ROLE_TOKENS = new Set(['记者', '通讯员', '实习生', '实习', '见习记者', '特约记者', '本报记者', '摄影', '作者', '编辑']);

/**
 * Names in one credit value. The first may be any name-shaped token (forum user names are authors too); the ones after
 * it must look like Chinese personal names, so trailing prose ("伊琳 比如农业政策") is not read as a name.
 */
function splitNames(value: string): string[] {
  const raw = value.split(NAME_SEPARATORS).map((v) => v.trim()).filter((v) => v && !ROLE_TOKENS.has(v));
  // A value that opens with prose ("记者：据你了解……") is an interview line, not a credit.
  if (!raw[0] || !NAME.test(raw[0])) return [];
  const tokens = raw.filter((v) => NAME.test(v) && !NON_PERSON_NAMES.has(v.toLowerCase()));
  return tokens.filter((v, i) => i === 0 || !/[\u4e00-\u9fff]/.test(v) || isPersonName(v));
}

/** A name from <meta name=author> or JSON-LD: a person's name, not a publisher list. */
export function isMetaPersonName(value: string): boolean {
  if (/[,，;；]/.test(value) || isOutletName(value) || /出版|期刊|杂志|编辑部|网站/.test(value)) return false;
  return !/[\u4e00-\u9fff]/.test(value) || isPersonName(value);
}

/** What makes two names one: case and white space aside ("Laura Mowat" and "Laura  Mowat", "ABIGAIL VAN BUREN"). */
function nameKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

/**
 * Adds to the role's list the names not yet in it, in order, up to MAX_CREDIT_NAMES; a further new name marks the role
 * as cut (`namesCut`). The one place names enter the credits, so each is kept once: a meta author tag and the page's
 * JSON-LD often name the same person, with other spacing (aeb 624fcd90, 87438a0d kept it twice).
 */
export function addCreditNames(into: CreditsRead, role: NameRole, values: readonly string[]): void {
  const list = into[role];
  for (const v of values) {
    const key = nameKey(v);
    if (list.some((x) => nameKey(x) === key)) continue;
    if (list.length >= MAX_CREDIT_NAMES) {
      into.namesCut.add(role);
      return;
    }
    list.push(v);
  }
}

/**
 * The separators every LABELS pattern needs after its label (COLON, COLON_OR_BAR; originalUrl a colon): a line
 * with none of them matches no label, so the patterns are not run on it (most body lines short enough to be asked).
 */
const LABEL_SEPARATOR = /[:：|｜/／]/;

/** Reads labelled credits from one line into `into`. Returns true when the line held any credit. */
export function readLabelledCredits(line: string, into: CreditsRead): boolean {
  if (!LABEL_SEPARATOR.test(line)) {
    // As below with nothing found by the labels (stripped = line), in the same order.
    const reporter = readReporterLine(line, into);
    return readSpacedCredits(line, into) || reporter;
  }
  let found = false;
  const url = LABELS.originalUrl.exec(line);
  if (url?.[1]) {
    into.originalUrl ??= url[1].replace(/[，。,;；）)\]】]+$/, '');
    found = true;
  }
  const stripped = line.replace(LABELS.originalUrl, ' ');
  for (const m of stripped.matchAll(LABELS.source)) {
    found = true;
    const v = valueOf(m);
    if (v && !into.source) into.source = v;
  }
  for (const m of stripped.matchAll(LABELS.editor)) {
    found = true;
    const v = valueOf(m);
    if (isOutletName(v)) {
      // "来源: 编辑:中国江苏网": the outlet sits in the editor slot; it is the source, not a person.
      into.source ??= v;
    } else addCreditNames(into, 'editors', splitNames(v));
  }
  for (const m of stripped.matchAll(LABELS.author)) {
    const v = valueOf(m);
    if (!v) continue;
    if (isOutletName(v)) {
      found = true;
      into.source ??= v;
      continue;
    }
    const names = splitNames(v);
    // "记者：你们的市场在哪？": an interviewer's question, the article's own line; the body keeps it.
    if (QUESTION_OR_SENTENCE.test(v) || (names.length === 0 && PROSE_MARK.test(v))) continue;
    found = true;
    addCreditNames(into, 'authors', names);
  }
  for (const m of stripped.matchAll(LABELS.staff)) if (valueOf(m)) found = true;
  for (const m of stripped.matchAll(LABELS.photographer)) {
    const v = valueOf(m);
    if (!v) continue;
    found = true;
    addCreditNames(into, 'photographers', splitNames(v));
  }
  const reporter = readReporterLine(stripped, into);
  return readSpacedCredits(stripped, into) || reporter || found;
}

/**
 * Issue 9: a parenthesised source note set as a line of its own, "（摘自《X》2000年第2期，原文约15,000字）" (optionally
 * followed by the digest that reprints it, 《新华文摘》2000年第09期), "(选自《X》)", "（原载《X》）": the outlet the article
 * comes from, never article text. The first 《…》 is the source when none was read. After the title the note holds
 * at most an issue number and a length note (a digit or 第 first, up to 40 characters, no sentence mark); a sentence
 * quoting a book goes on with other words.
 */
const SOURCE_NOTE = /^[（(]\s*(?:本文|原文|文章)?(?:摘自|选自|节选自|转摘自|摘编自|原载于?|刊于|载于)\s*《([^》]{1,30})》(?:[，,、\s]*[\d０-９第〇一二三四五六七八九十][^（）()。！？!?]{0,40})?[）)]\s*(?:《[^》]{1,20}》[^。，,！？!?]{0,16})?$/;

/**
 * Issue 9: a repost's opening line giving only the original's date and outlet, "2003-7-24 钱江晚报" (or the outlet
 * first): a credit line, never article text. The outlet must be outlet-shaped (isOutletName: …报, …网, …社); the date
 * is left to the date finder.
 */
const DATE_OUTLET_DATE = String.raw`(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?`;
const DATE_OUTLET_LINE = new RegExp(String.raw`^(?:${DATE_OUTLET_DATE}\s+([\u4e00-\u9fff]{2,12})|([\u4e00-\u9fff]{2,12})\s+${DATE_OUTLET_DATE})$`);

/** Reads a date-and-outlet line (DATE_OUTLET_LINE) into `into`; true when the line is one. */
export function readDateOutletLine(line: string, into: CreditsRead): boolean {
  const m = DATE_OUTLET_LINE.exec(line.trim());
  const outlet = m?.[1] ?? m?.[2];
  if (!outlet || !isOutletName(outlet)) return false;
  into.source ??= outlet;
  return true;
}

/** Reads a source note line (SOURCE_NOTE) into `into`; true when the line is one. */
export function readSourceNote(line: string, into: CreditsRead): boolean {
  const m = SOURCE_NOTE.exec(line.trim());
  if (!m) return false;
  into.source ??= m[1]!.trim();
  return true;
}

/**
 * A clause or sentence mark in a credit's value: "记者：你们的市场在哪？", "记者：那么，明年的计划是什么？" are an
 * interview's questions, not credits (zh-cwced a0cb0242 lost 3 such lines from its body). A value that still gives
 * a name ("作者：张三，李四") stays a credit.
 */
const PROSE_MARK = /[？?！!。，,；;：:]/;
/** A question or a closed sentence in the value is prose even when its first word is name-shaped ("记者：那么，…？"). */
const QUESTION_OR_SENTENCE = /[？?！!。]/;

/**
 * A line that is only a reporter credit: "本报记者罗科苏盈发自北京", "新华社记者赵强报道", "本报实习生 刘国栋 周炜": an
 * outlet (up to 12 characters), a role, 1-MAX_CREDIT_NAMES names, and optionally "发自<place>" or "<place>报道". Names
 * never run into 发自 or 报道, so "王立新报道" is 王立新 and "王立新发自上海" is not 王立新发. Only lines up to MAX_REPORTER_LINE_CHARS are
 * tried (a byline line is short; the pattern is anchored and bounded). Seen on zh-cwced b4c2eccd, ab65832c (kept in the
 * body as a paragraph, the author unread); no zh-cwced truth holds such a line.
 */
/** A name in a reporter line: 2-4 Han characters, never running into 发自 or 报道. */
const REPORTER_NAME = String.raw`(?:(?!发自|报道)[\u4e00-\u9fff]){2,4}`;
const REPORTER_LINE = new RegExp(String.raw`^[\s【\[(（]*[\u4e00-\u9fff·]{0,12}?(?:特约记者|见习记者|记者|通讯员|实习生)\s*(${REPORTER_NAME}(?:[\s、]+${REPORTER_NAME}){0,${MAX_CREDIT_NAMES - 1}})\s*(?:发自[\u4e00-\u9fff]{2,8}|[\u4e00-\u9fff]{0,8}报道)?[\s】\])）]*$`);
const MAX_REPORTER_LINE_CHARS = 40;

/** The line is a reporter credit and nothing else (REPORTER_LINE, every name a personal name). */
export function isReporterLine(line: string): boolean {
  return reporterNames(line) !== null;
}

function reporterNames(line: string): string[] | null {
  if (line.length > MAX_REPORTER_LINE_CHARS) return null;
  const m = REPORTER_LINE.exec(line);
  if (!m?.[1]) return null;
  // "记者 彭冲 山东冠县报道": a place set off before 报道 is read as a name by the pattern; only personal names count.
  const names = m[1].split(/[\s、]+/).filter(Boolean);
  const people = names.filter((n) => isPersonName(n) && !NOT_A_NAME_SUFFIX.test(n));
  return people[0] === names[0] ? people : null;
}

function readReporterLine(line: string, into: CreditsRead): boolean {
  const names = reporterNames(line.trim());
  if (!names) return false;
  addCreditNames(into, 'authors', names);
  return true;
}

/** A "原文地址：<title>" line whose link the HTML layout resolved (original-link.ts): the URL is the original's. */
const LINKED_ORIGINAL_LINE = /^[\s【\[(（]*(?:原文地址|原文链接|原文网址)\s*[:：]/;
export function readLinkedOriginal(line: string, url: string, into: Credits): boolean {
  if (!LINKED_ORIGINAL_LINE.test(line)) return false;
  into.originalUrl ??= url;
  return true;
}

// Credits written without a colon: "新京报记者 彭冲 山东冠县报道", "河南商报记者马俊峰/文", "蔡雪婧/摄", "文/张三".
// The name must be set off (space, slash or line end) and look like a personal name, so prose such as "记者从市商务局了解到"
// never yields one.
const SPACED_REPORTER = /记者\s+([\u4e00-\u9fff]{2,4})(?=$|[\s,，。;；)）\]】/])/g;
const SLASH_CREDIT_AFTER = /([\u4e00-\u9fff]{2,16})\s*[/／]\s*([文摄图])(?![\u4e00-\u9fff])/g;
const SLASH_CREDIT_BEFORE = /(?<![\u4e00-\u9fff])([文摄图])\s*[/／]\s*([\u4e00-\u9fff]{2,4})(?=$|[\s,，。;；)）\]】])/g;
const SLASH = /[/／]/;
/** "河南商报记者马俊峰": the outlet and role before the name. */
const REPORTER_PREFIX = /^.*(?:记者|通讯员)/;

function readSpacedCredits(line: string, into: CreditsRead): boolean {
  let found = false;
  const add = (role: string, raw: string) => {
    const name = raw.replace(REPORTER_PREFIX, '');
    if (name.length > 4 || !isPersonName(name)) return;
    found = true;
    addCreditNames(into, role === '摄' ? 'photographers' : 'authors', [name]);
  };
  for (const m of line.matchAll(SPACED_REPORTER)) add('文', m[1]!);
  // Both slash credits need a slash: the patterns, tried at every Han character, are skipped on lines without one.
  if (!SLASH.test(line)) return found;
  for (const m of line.matchAll(SLASH_CREDIT_AFTER)) add(m[2]!, m[1]!);
  for (const m of line.matchAll(SLASH_CREDIT_BEFORE)) add(m[1]!, m[2]!);
  return found;
}

// "(记者 陈志奎)", "(吕正龙)", "（通讯员 王五 记者 李四）" closing a paragraph. Each name, with a role word written against
// it, is matched atomically ((?=(…))\2: JavaScript has no atomic groups); a role set off by white space is a token of its
// own. Before, "记者张三" could be read as role + name or as one 4-character name, and a failing "（记者张三 记者张三 … x"
// was tried both ways for every name: 2^n (22 names: 2 s). Both forms accept the same lines (a name must end where its
// run of Han characters ends; checked against the old pattern on 300,000 random strings of role words, names, spaces
// and brackets: 0 differences). At most MAX_CREDIT_NAMES names, each with a role word.
const BYLINE_TOKEN = (group: number) => String.raw`(?=((?:记者|通讯员|作者|实习生|见习记者)?[\u4e00-\u9fff]{2,4}))` + `\\${group}`;
/** The outlet before a closing byline's role word: （新华社记者 X）, （总台记者 X）, (信报记者 X). Up to 6 Han characters
 * directly before 记者/通讯员; it names no person, so it is left out of the names. */
const BYLINE_OUTLET = String.raw`(?:[\u4e00-\u9fff]{1,6}(?=(?:特约|见习)?记者|通讯员))?`;
/** A place report closing a byline: （姚峰 上海报道）, (记者 张三 北京报道): the place is no name. */
const BYLINE_PLACE_REPORT = String.raw`(?:\s+[\u4e00-\u9fff]{2,6}报道)?`;
const TRAILING_BYLINE = new RegExp(String.raw`[(（]\s*${BYLINE_OUTLET}(${BYLINE_TOKEN(2)}(?:[\s、]+${BYLINE_TOKEN(3)}){0,${2 * MAX_CREDIT_NAMES - 1}})${BYLINE_PLACE_REPORT}\s*[)）]\s*$`);
const ROLE_WORDS = /记者|通讯员|作者|实习生|见习记者/g;
/** A parenthesised tail that names a place or organisation is not a byline: "(镇江)", "(南京市)". */
const NOT_A_NAME_SUFFIX = /[市区县省镇乡村网报社台局委会部厅院所司]$/;

/**
 * An unlabelled name must look like a Chinese personal name: a known surname first, and not a place anywhere in China
 * (PLACE_NAMES, the nationwide division table: "(镇江)", "(亭湖)", "(江油)").
 */
function isPersonName(name: string): boolean {
  if (PLACE_NAMES.has(name)) return false;
  return SINGLE_SURNAMES.has(name[0]!) || COMPOUND_SURNAMES.has(name.slice(0, 2));
}

/** A bare byline is this short at most: a name or a few (the zh-cwced essays' "胡平"). */
const MAX_BARE_BYLINE_CHARS = 16;
/** Bare names: 2-3 Han characters, or 4 with a compound surname (欧阳明月); a 4-character line with a single
 * surname first is as often a heading (高温预警, 黄金周末). */
const BARE_NAME = /^[\u4e00-\u9fff]{2,3}$/;
/** Section headings an article may open with whose first character is also a surname (简, 方, 高…): never a byline. */
const OPENING_HEADINGS = new Set(['简介', '前言', '引言', '序言', '摘要', '导读', '导语', '背景', '概述', '概要', '附件', '附录', '正文', '目录', '结语', '后记', '按语', '编者按', '提要', '内容提要', '小结', '总结', '说明']);

/**
 * Issue 9 (authors): an essay or post sets its author's name alone on the line under the headline (胡平, 王建宏 张文攀),
 * with no label. The article's first line is that byline when it is nothing but 1-3 personal names (a known surname
 * first, not a place, no place or organisation suffix, not an opening section heading) set off by white space or 、,
 * MAX_BARE_BYLINE_CHARS at most. The caller asks only when no labelled line named an author.
 */
export function bareLeadByline(line: string): string[] | null {
  if (line.length > MAX_BARE_BYLINE_CHARS) return null;
  const names = line.split(/[\s、]+/).filter(Boolean);
  if (names.length === 0 || names.length > 3) return null;
  const bare = (n: string) => (BARE_NAME.test(n) || (n.length === 4 && COMPOUND_SURNAMES.has(n.slice(0, 2)))) && !OPENING_HEADINGS.has(n);
  return names.every((n) => bare(n) && isPersonName(n) && !NOT_A_NAME_SUFFIX.test(n)) ? names : null;
}

/** Splits a trailing byline off a paragraph: returns the paragraph without it and the names, or null. */
export function splitTrailingByline(paragraph: string): { rest: string; authors: string[] } | null {
  const m = TRAILING_BYLINE.exec(paragraph);
  if (!m?.[1]) return null;
  // A place report read as a last name-shaped token ("（姚峰 上海报道）") is BYLINE_PLACE_REPORT's, not a name.
  const names = m[1].replace(ROLE_WORDS, ' ').split(/[\s、]+/).filter((n, i, all) => n && !(i > 0 && i === all.length - 1 && n.endsWith('报道')));
  const labelled = /记者|通讯员|作者|实习生|见习记者/.test(m[1]);
  if (names.length === 0 || names.length > MAX_CREDIT_NAMES || names.some((n) => NOT_A_NAME_SUFFIX.test(n) || (!labelled && !isPersonName(n)))) return null;
  const rest = paragraph.slice(0, m.index).trimEnd();
  // A paragraph that is nothing but the byline is a byline line.
  return { rest, authors: names };
}

// "…现场。 马镇丹 谢道韫 摄" or "记者 王五 摄": names before a closing 摄. The pattern is tried from every white space of
// the line, so it reads at most MAX_CREDIT_NAMES names from each (unbounded, a line of 100k names took 60 s); a longer
// list keeps its last names (`cut`: one more name-shaped word is set off before them). Lines that do not end in 摄 are
// not searched at all.
const CAPTION_CREDIT = new RegExp(String.raw`(?:^|[\s。.!！])((?:[\u4e00-\u9fff]{2,4}[\s、]+){0,${MAX_CREDIT_NAMES - 1}}[\u4e00-\u9fff]{2,4})\s*摄(?:影)?\s*$`);
const CAPTION_CREDIT_END = /摄(?:影)?\s*$/;
/** A caption ending in a name-shaped word set off by white space: before MAX_CREDIT_NAMES names, the list was longer. */
const CAPTION_ENDS_IN_NAME = /(?:^|\s)[\u4e00-\u9fff]{2,4}$/;

/** A photo caption with a closing photographer credit: returns the caption text and the photographers, or null. */
export function splitCaptionCredit(line: string): { caption: string; photographers: string[]; cut: boolean } | null {
  if (!CAPTION_CREDIT_END.test(line)) return null;
  const m = CAPTION_CREDIT.exec(line);
  if (!m?.[1]) return null;
  const names = m[1].replace(ROLE_WORDS, ' ').split(/[\s、]+/).filter(Boolean);
  if (names.length === 0) return null;
  const caption = line.slice(0, m.index + (m[0].length - m[0].trimStart().length)).trim();
  const cut = names.length >= MAX_CREDIT_NAMES && /^\s/.test(m[0]) && CAPTION_ENDS_IN_NAME.test(line.slice(0, m.index));
  return { caption, photographers: names, cut };
}

// "金山网讯 1月28日,…", "新华社南京2月20日电", "本报讯(记者 张三)": the outlet that opens the lead paragraph.
const DATELINE_OUTLET = /^[\s【\[]*([\u4e00-\u9fff]{2,12}?(?:网|报|社|台|新闻|客户端))讯/;
const DATELINE_BYLINE = /^[\s【\[]*[\u4e00-\u9fff]{0,12}讯\s*[(（]\s*((?:记者|通讯员)?[^()（）]{2,30})[)）]/;
/** 本报 / 本网 mean "this outlet": not a name we can record as a source. */
const SELF_REFERENCES = new Set(['本报', '本网', '本台', '本刊']);

export function readDateline(lead: string, into: CreditsRead): void {
  const outlet = DATELINE_OUTLET.exec(lead)?.[1];
  if (outlet && !SELF_REFERENCES.has(outlet)) into.source ??= outlet;
  const byline = DATELINE_BYLINE.exec(lead)?.[1];
  // Personal names only: a word glued before the role ("职工通讯员 李琴雯" leaves 职工) is no name.
  if (byline) addCreditNames(into, 'authors', splitNames(byline.replace(ROLE_WORDS, ' ')).filter((n) => !/[\u4e00-\u9fff]/.test(n) || isPersonName(n)));
}
