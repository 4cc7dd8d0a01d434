/**
 * Named officials and the posts the text gives them, from cleaned Simplified body paragraphs.
 *
 * Each sentence is cut into segments at 、 (a list) and , ， (a clause); any other mark or a space breaks
 * the chain. Segments are read left to right:
 * 1. post + name (+ follower):  市委书记马明龙出席会议 → 马明龙 [市委书记, plus posts pending before it]
 * 2. post alone:                省委常委、| 管委会主任, → pending posts for the next name
 * 3. name alone, confirmed by a follower (曹路宝主持), by 等 + follower closing a 、 list
 *    (李驰、…、孙庆树等参加), or by being known already (夏心旻说);
 *    after "post + name" a 、 list of bare names shares that post (领导杨学鹏、蒋跃建、…).
 * A name is a surname from the surname table + 1–2 given characters (2–3 chars, 3–4 with a compound
 * surname); its length is settled by what follows it. A bare name (3.) must also survive the segmenter
 * (segmenter.ts, jieba's part-of-speech tags): no preposition, adverb, conjunction or particle at its edge.
 * Three shapes give a post that is not written right before the name:
 * 4. a descriptor between the posts and the name: 上海大学教授、| 电力专家言茂松认为 → 言茂松 [上海大学教授];
 * 5. a holding clause later in the sentence or paragraph (HOLDING_VERBS): 潘振声生于上海，| 1991年调任江苏省文联党组成员
 *    → the post goes to the paragraph's last named person, or to a name that opened a clause (checked by the segmenter);
 * 6. posts in the clause right after a lone name: 张三，| 省委书记、| 省长，| 出席… → 张三 [省委书记, 省长].
 */
import { PLACE_NAMES } from '../data/china-regions.js';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from '../data/chinese-surnames.js';
import {
  DESCRIPTOR_SUFFIXES,
  HOLDING_VERBS,
  NAME_ENDERS,
  NAME_FOLLOWERS,
  NOT_IN_GIVEN_NAMES,
  NOT_NAMES,
  PHOTO_CREDIT,
  POSTED_NAME_FOLLOWERS,
  POSTS_AFTER_NAME,
  POST_SUFFIXES,
  WEAK_NAME_FOLLOWERS,
} from '../data/official-titles.js';
import { memoizeCharTest, packedUnitFlags, unitFlags, wordsByFirstUnit, type WordsByFirstUnit } from '../clean/char-memo.js';
import { JS_WHITE_SPACE_CHARS } from '../clean/whitespace.js';
import { segmenter, segmenterLoadError, tokensWithOffsets, type Tagger } from './segmenter.js';

export interface PersonMention {
  name: string;
  titles: string[];
}

/** Sentence ends: a post never carries over one (one code unit each; findPeople cuts at them). */
const SENTENCE_END_CHARS = '。！？；!?;';
/**
 * Segment separators (one code unit each): 、 joins a list, , ， join clauses, white space (every `\s` character) is a
 * space, the rest break.
 */
const SEGMENT_SEPARATOR_CHARS = `、,，“”"‘’'「」『』（）()《》【】〔〕:：·${JS_WHITE_SPACE_CHARS}`;
/** Text before a post that is not part of it: 与会人员在市委书记… → 市委书记. */
const TITLE_LEAD = /^.*(?:[在由请让给对向被把获]|[^\p{Script=Han}])/u;
/** A given name has one or two characters. */
const GIVEN_NAME_CHARS = { min: 1, max: 2 } as const;
/** Only Han characters make a name or a post. */
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** A memo of its own (see simhash.ts: sharing one with simhash64 made both slower). */
const isHan = memoizeCharTest(/\p{Script=Han}/u);

/**
 * Whether `text[from, to)` is one or more Han characters: HAN_ONLY.test(text.slice(from, to)) without the slice, read
 * per code point (a surrogate pair cut by `to` is a lone surrogate, as in the slice: not Han).
 */
function isHanOnlyRange(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (!isHan(cp)) return false;
  }
  return true;
}
/**
 * A name with no post, not yet known and not in a list must have at least this many characters: two-character
 * surname-initial strings before a follower are mostly ordinary words (符合要求, 严格要求, 高度重视).
 */
const MIN_LONE_UNTITLED_NAME_CHARS = 3;
/** The longest post a segment can open with (中国地理学会人文地理专业委员会副主任 is 17). */
const MAX_POST_CHARS = 40;
/** People kept per record: far above any real article (the busiest labelled page has 23); bounds hostile lists. */
export const MAX_PEOPLE = 300;
/** The list-closing 等 of 李驰、…、孙庆树等参加. */
const LIST_CLOSER = '等';
/**
 * The longest opening a holding clause may have before its verb: a date or an adverb (1991年调任, 2017年当选, 后调任).
 * Checked on the 68 labelled pages: every holding clause there opens within 5 characters.
 */
const MAX_HOLDING_PREFIX_CHARS = 8;
/** Clause-opening texts kept per paragraph as possible subjects of a later holding clause (most recent last). */
const MAX_SUBJECT_CANDIDATES = 8;

type Join = 'list' | 'clause' | 'space' | 'break';
type FollowKind = 'end' | 'strong' | 'list-close' | 'weak';

interface Segment {
  text: string;
  join: Join;
}

interface NameFit {
  name: string;
  follow: FollowKind;
}

/** Where a candidate stands: known names, posts waiting for a name, a list's shared post, unconfirmed list names. */
interface SentenceState {
  pendingTitles: string[];
  listTitles: string[] | null;
  pendingBare: string[];
  /** A segment that may be a lone name, when the posts pending now came in the clause right after it (shape 6). */
  apposed: string | null;
  /** The person a run of post-only clauses after a holding clause belongs to (兼任A委员，B理事，C副理事长). */
  heldBy: string | null;
  /** The text of the segment before this one. */
  previous: string | null;
  paragraph: ParagraphState;
}

/**
 * Who a holding clause may be about (shape 5), in the order met in the paragraph: a person read (`name`) or the text
 * of a clause that opens with a surname and gave no person (`text`, resolved only when a holding clause asks).
 */
interface ParagraphState {
  subjects: ({ name: string } | { text: string })[];
}

const isSpace = memoizeCharTest(/\s/);

/** The join a separator code unit makes (-1: the sentence start, which no segment before joins). */
function joinOf(separator: number): Join {
  if (separator === 0x3001) return 'list'; // 、
  if (separator === 0x2c || separator === 0xff0c) return 'clause'; // , ，
  if (separator >= 0 && isSpace(separator)) return 'space';
  return 'break';
}

/**
 * The segments of a sentence, cut at every separator, each with the join of the separator before it; an empty
 * segment between two separators (or after a last one) is a break. One scan, no RegExp split.
 */
export function segmentsOf(sentence: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  let separator = -1;
  for (let i = 0; i <= sentence.length; i++) {
    if (i < sentence.length && !hasUnitFlag(sentence.charCodeAt(i), SEGMENT_SEPARATOR)) continue;
    if (i > start) segments.push({ text: sentence.slice(start, i), join: joinOf(separator) });
    else if (separator >= 0) segments.push({ text: '', join: 'break' });
    if (i < sentence.length) separator = sentence.charCodeAt(i);
    start = i + 1;
  }
  return segments;
}

/** The follower lists by their first code unit, so a text is matched only against the words it can start with. */
const NAME_FOLLOWERS_BY_FIRST = wordsByFirstUnit(NAME_FOLLOWERS);
const POSTS_AFTER_NAME_BY_FIRST = wordsByFirstUnit(POSTS_AFTER_NAME);
const NAME_ENDERS_BY_FIRST = wordsByFirstUnit(NAME_ENDERS);
const WEAK_NAME_FOLLOWERS_BY_FIRST = wordsByFirstUnit(WEAK_NAME_FOLLOWERS);
const HOLDING_VERBS_BY_FIRST = wordsByFirstUnit(HOLDING_VERBS);

/** The first of `words` (in list order) that `text` has at `at`, or null. */
function wordAt(words: WordsByFirstUnit, text: string, at = 0): string | null {
  const candidates = words.get(text.charCodeAt(at));
  if (candidates === undefined) return null;
  for (const w of candidates) if (text.startsWith(w, at)) return w;
  return null;
}

/** How `text` goes on from `at` after a name (`text.slice(at)` is what follows it; `at` is at most text.length). */
function followKind(text: string, at: number): FollowKind | null {
  if (at >= text.length) return 'end';
  if (wordAt(NAME_FOLLOWERS_BY_FIRST, text, at) !== null) return 'strong';
  if (wordAt(POSTS_AFTER_NAME_BY_FIRST, text, at) !== null || wordAt(NAME_ENDERS_BY_FIRST, text, at) !== null) return 'strong';
  if (wordAt(HOLDING_VERBS_BY_FIRST, text, at) !== null) return 'strong';
  if (text.startsWith(LIST_CLOSER, at) && wordAt(NAME_FOLLOWERS_BY_FIRST, text, at + LIST_CLOSER.length) !== null) return 'list-close';
  if (wordAt(WEAK_NAME_FOLLOWERS_BY_FIRST, text, at) !== null) return 'weak';
  return null;
}

/** Single surnames (every one is one BMP character: data/chinese-surnames.json). */
const SINGLE_SURNAME_CHARS = [...SINGLE_SURNAMES].join('');
/** Compound surnames as their two code units in one number (every one is two BMP characters). */
const COMPOUND_SURNAME_KEYS: ReadonlySet<number> = new Set([...COMPOUND_SURNAMES].map((s) => unitPair(s, 0)));

function unitPair(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

function surnameLength(name: string): number {
  return surnameLengthAt(name, 0, name.length);
}

/** surnameLength of `text.slice(start, start + length)`, read in place. */
function surnameLengthAt(text: string, start: number, length: number): number {
  if (length >= 3 && COMPOUND_SURNAME_KEYS.has(unitPair(text, start))) return 2;
  return length >= 1 && hasUnitFlag(text.charCodeAt(start), SINGLE_SURNAME) ? 1 : 0;
}

/** First UTF-16 units of every surname, single or compound: a position starting with none of them starts no name. */
const SURNAME_FIRST_CHARS = [...SINGLE_SURNAMES, ...COMPOUND_SURNAMES].map((s) => s[0]).join('');
/** NOT_NAMES as a set. */
const NOT_NAME_SET: ReadonlySet<string> = new Set(NOT_NAMES);

/** NOT_IN_GIVEN_NAMES (all in the BMP: a surrogate half is never one). */
const NOT_IN_GIVEN_NAME_CHARS = NOT_IN_GIVEN_NAMES;
/** The one-character WEAK_NAME_FOLLOWERS: a name never ends in one. */
const WEAK_FOLLOWER_CHARS = WEAK_NAME_FOLLOWERS.filter((w) => w.length === 1).join('');

function isPlausibleName(name: string): boolean {
  return isPlausibleNameAt(name, 0, name.length);
}

/** isPlausibleName of `text.slice(start, start + length)` (`start + length` at most text.length), read in place. */
function isPlausibleNameAt(text: string, start: number, length: number): boolean {
  const surname = surnameLengthAt(text, start, length);
  const givenLength = length - surname;
  if (surname === 0 || givenLength < GIVEN_NAME_CHARS.min || givenLength > GIVEN_NAME_CHARS.max) return false;
  const end = start + length;
  for (let i = start + surname; i < end; i++) if (hasUnitFlag(text.charCodeAt(i), NOT_IN_GIVEN_NAME)) return false;
  return !hasUnitFlag(text.charCodeAt(end - 1), WEAK_FOLLOWER) && isHanOnlyRange(text, start, end) && !NOT_NAME_SET.has(text.slice(start, end));
}

/** Candidate lengths, longest first: 2–3 chars, 4 only with a compound surname. */
const NAME_LENGTHS = [4, 3, 2] as const;

/** The name starting at `start`: a fit followed by a follower beats one ending the segment; then longer wins. */
function readNameAt(text: string, start: number): NameFit | null {
  if (!hasUnitFlag(text.charCodeAt(start), SURNAME_FIRST)) return null;
  let atEnd: NameFit | null = null;
  for (const length of NAME_LENGTHS) {
    if (start + length > text.length || !isPlausibleNameAt(text, start, length)) continue;
    const follow = followKind(text, start + length);
    if (follow === null) continue;
    if (follow !== 'end') return { name: text.slice(start, start + length), follow };
    atEnd ??= { name: text.slice(start, start + length), follow };
  }
  return atEnd;
}


/**
 * The name right after a post. The post makes a name certain; only its length is in question: the longest fit that
 * a follower, a title or an ender ends (韩俊先后发言 → 韩俊, 汲斌昌受贿 → 汲斌昌, 李旭锋教授), else the longest that a
 * one-character follower or a non-Han character ends (徐曙海作部署, 李强5月7日). No fit, no name.
 */
function readPostedNameAt(text: string, start: number): NameFit | null {
  if (!hasUnitFlag(text.charCodeAt(start), SURNAME_FIRST)) return null;
  let weak: NameFit | null = null;
  for (const length of NAME_LENGTHS) {
    if (start + length > text.length || !isPlausibleNameAt(text, start, length)) continue;
    const end = start + length;
    const follow = followKind(text, end);
    if (follow !== null && follow !== 'weak') return { name: text.slice(start, end), follow };
    // (follow is 'end' above when nothing follows, so `end` is inside the text here.)
    if (weak === null && (follow === 'weak' || startsNotHan(text, end) || POSTED_NAME_FOLLOWERS.includes(text[end]!))) weak = { name: text.slice(start, end), follow: 'weak' };
  }
  return weak;
}

/** Whether a character that is not Han starts at `at`: it ends a name after a post (国务院总理李强5月7日, 董事长吴亚军(右)). */
function startsNotHan(text: string, at: number): boolean {
  return at < text.length && !isHan(text.codePointAt(at)!);
}

/** A post written right after the name (李旭锋教授, 习近平总书记), or null. */
function postAfterName(rest: string): string | null {
  return wordAt(POSTS_AFTER_NAME_BY_FIRST, rest);
}

/** Whether what follows a name is only a title or an ender, so a 、 list after it shares the post (薛德升教授、刘敏教授). */
function endsWithTitleOnly(rest: string): boolean {
  return rest === '' || [...POSTS_AFTER_NAME, ...NAME_ENDERS].includes(rest);
}

/**
 * An organisation named by reference before a post (该院副主任医师, 该公司董事长, 本校校长): it was named earlier, so
 * the post alone is what the text says (gne/ifeng-1: 该院副主任医师杨国禹 after 禹州市人民医院). An organisation that
 * only begins with such a character keeps its name (本溪市市长: 溪 is no organisation word).
 */
const ORGANISATION_BY_REFERENCE = /^[该此本](?:公司|集团|中心|医院|学校|单位|[院校局厅所部委行会馆社站团队厂台办])(?=\p{Script=Han})/u;

function cleanTitle(text: string): string {
  return text.replace(TITLE_LEAD, '').replace(ORGANISATION_BY_REFERENCE, '');
}

function isPost(text: string): boolean {
  if (!endsWithPostSuffix(text, text.length)) return false;
  const title = cleanTitle(text);
  return title.length >= 2 && HAN_ONLY.test(title) && POST_SUFFIXES.some((s) => title.endsWith(s)) && !isFormOfAddress(title);
}

/** 陈校长, 曲局长: a surname and a post is how a person is addressed, not a post that a name follows. */
function isFormOfAddress(title: string): boolean {
  return !POST_SUFFIXES.includes(title) && POST_SUFFIXES.some((s) => title.length === s.length + 1 && title.endsWith(s) && SINGLE_SURNAMES.has(title[0]!));
}

/** What ends an organisation's name right before a person's name: 广州大学朱竑教授, CCER的宋国青教授. */
const ORGANISATION_END = /(?:大学|学院|研究院|研究所|所|中心|学会|协会|公司|集团|医院|学校|中学|科技|的)$/;

/**
 * 「广州大学朱竑教授」「中科院地理科学与资源研究所刘彦随研究员」: a name between an organisation (or the segment start)
 * and a title written after it. Returns every such person in the segment.
 */
function readNamesBeforeTitles(text: string, people: PeopleAccumulator): { name: string; title: string }[] {
  const found: { name: string; title: string }[] = [];
  if (!hasUnitWithFlag(text, POST_AFTER_NAME_LAST)) return found;
  for (const title of POSTS_AFTER_NAME) {
    for (let k = text.indexOf(title); k > 0; k = text.indexOf(title, k + title.length)) {
      for (const length of [3, 2]) {
        const start = k - length;
        if (start < 0) continue;
        const name = text.slice(start, k);
        const before = text.slice(0, start);
        const anyBefore = title === '总书记';
        const framed = ORGANISATION_END.test(before);
        const plausible = isPlausibleName(name) || (framed && isNameWithUnlistedSurname(name, text, start, people));
        if (!plausible || !(anyBefore || before === '' || framed || /[和及与、]$/.test(before))) continue;
        if (!found.some((f) => f.name === name)) found.push({ name, title });
        break;
      }
    }
  }
  return found;
}

/** Last code units of POSTS_AFTER_NAME: a segment with none of them has no title written after a name. */
const POSTS_AFTER_NAME_LAST_CHARS = POSTS_AFTER_NAME.map((w) => w.slice(-1)).join('');

function hasUnitWithFlag(text: string, flag: number): boolean {
  for (let i = 0; i < text.length; i++) if (hasUnitFlag(text.charCodeAt(i), flag)) return true;
  return false;
}

/**
 * A three-character name whose surname the table (data/chinese-surnames.json, 《百家姓》) lacks: 东北大学修春亮教授
 * (修 is in neither 《百家姓》 nor the only other surname table installed, pinyin-pro's). Asked only between an
 * organisation and a title written after the name, and taken only when the segmenter reads the three characters as one
 * word that is a person or unknown to its dictionary (修春亮/x; 校友会/n and 修订/v are words).
 */
function isNameWithUnlistedSurname(name: string, text: string, start: number, people: PeopleAccumulator): boolean {
  if (name.length !== UNLISTED_SURNAME_NAME_CHARS || surnameLength(name) > 0 || !HAN_ONLY.test(name)) return false;
  if ([...name].some((c) => NOT_IN_GIVEN_NAMES.includes(c)) || NOT_NAMES.includes(name) || PLACE_NAMES.has(name)) return false;
  const tag = people.tagger();
  return tag !== null && tokensWithOffsets(tag, text).some((t) => t.start === start && t.word === name && PERSON_OR_UNKNOWN_TAGS.has(t.tag));
}

/** Only a surname and two given characters are read without the surname table: shorter candidates are mostly words. */
const UNLISTED_SURNAME_NAME_CHARS = 3;

/** POST_SUFFIXES by their last code unit, so a split point is dismissed with one table read (no string made). */
const POST_SUFFIX_LAST_CHARS = POST_SUFFIXES.map((w) => w.slice(-1)).join('');
const POST_SUFFIXES_BY_LAST = groupByLastUnit(POST_SUFFIXES);

/**
 * The code-unit sets above in one table (packedUnitFlags), one bit each: the scans ask several of them about each
 * character (a sentence end, a separator, a surname's first unit, a post's last), and one table is one cache line per
 * character where eight were up to eight.
 */
const PEOPLE_UNITS = packedUnitFlags([SENTENCE_END_CHARS, SEGMENT_SEPARATOR_CHARS, SURNAME_FIRST_CHARS, SINGLE_SURNAME_CHARS, NOT_IN_GIVEN_NAME_CHARS, WEAK_FOLLOWER_CHARS, POSTS_AFTER_NAME_LAST_CHARS, POST_SUFFIX_LAST_CHARS]);
const SENTENCE_END = 1 << 0;
const SEGMENT_SEPARATOR = 1 << 1;
const SURNAME_FIRST = 1 << 2;
const SINGLE_SURNAME = 1 << 3;
const NOT_IN_GIVEN_NAME = 1 << 4;
const WEAK_FOLLOWER = 1 << 5;
const POST_AFTER_NAME_LAST = 1 << 6;
const POST_SUFFIX_LAST = 1 << 7;

/**
 * Whether the code unit is in the set of `flag`. `& 0xffff` keeps every read in bounds (the NaN of a charCodeAt past a
 * text's end reads U+0000, in no set): an out-of-bounds read made V8 compile every read of the table the slow way.
 */
function hasUnitFlag(unit: number, flag: number): boolean {
  return (PEOPLE_UNITS[unit & 0xffff]! & flag) !== 0;
}

function groupByLastUnit(words: readonly string[]): ReadonlyMap<number, readonly string[]> {
  const out = new Map<number, string[]>();
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    out.set(last, [...(out.get(last) ?? []), w]);
  }
  return out;
}

/** Whether `text.slice(0, end)` ends with a post suffix: what `isPost` needs first, checked without slicing. */
function endsWithPostSuffix(text: string, end: number): boolean {
  if (end < 1 || !hasUnitFlag(text.charCodeAt(end - 1), POST_SUFFIX_LAST)) return false;
  for (const s of POST_SUFFIXES_BY_LAST.get(text.charCodeAt(end - 1))!) if (end >= s.length && text.startsWith(s, end - s.length)) return true;
  return false;
}

/** "post + name": the first split where the text before is a post and a name fits after it. */
function readTitledName(text: string): { title: string; fit: NameFit; after: string } | null {
  // A post is at most MAX_POST_CHARS long: a longer prefix is a sentence (and scanning it would be quadratic).
  for (let p = 2; p <= Math.min(text.length - 2, MAX_POST_CHARS); p++) {
    if (!endsWithPostSuffix(text, p) || !isPost(text.slice(0, p))) continue;
    const fit = readPostedNameAt(text, p);
    if (fit) return { title: cleanTitle(text.slice(0, p)), fit, after: text.slice(p + fit.name.length) };
  }
  return null;
}

/** 「首席技术官兼阿里云智能总裁」 is two posts held at once: split at 兼 when both sides are posts. */
function splitConcurrentPosts(title: string): string[] {
  const parts = title.split('兼');
  return parts.length > 1 && parts.every((p) => p.length >= 2 && POST_SUFFIXES.some((s) => p.endsWith(s))) ? parts : [title];
}

/** The post a holding clause gives: 「1991年调任江苏省文联党组成员」 → 江苏省文联党组成员; null when the text is not one. */
function holdingPost(text: string): string | null {
  // The post ends the clause: a text that ends with no post suffix is dismissed before any search.
  if (!endsWithPostSuffix(text, text.length)) return null;
  for (const verb of HOLDING_VERBS) {
    const k = text.indexOf(verb);
    if (k < 0 || k > MAX_HOLDING_PREFIX_CHARS) continue;
    const post = text.slice(k + verb.length);
    if (isPost(post) && cleanTitle(post) === post) return post;
  }
  return null;
}

/** 「电力专家言茂松认为」: the name right after an occupation word (DESCRIPTOR_SUFFIXES), settled as after a post. */
function readDescribedName(text: string): { fit: NameFit; after: string } | null {
  for (const descriptor of DESCRIPTOR_SUFFIXES) {
    const k = text.indexOf(descriptor);
    if (k < 0) continue;
    const start = k + descriptor.length;
    const fit = readPostedNameAt(text, start);
    if (fit && fit.follow !== 'weak') return { fit, after: text.slice(start + fit.name.length) };
  }
  return null;
}

class PeopleAccumulator {
  readonly byName = new Map<string, string[]>();
  /** The last name added (a paragraph's subject for shape 5 is read from it). */
  lastAdded: string | null = null;
  /** Set when the segmenter was wanted and could not load (the reason goes into the record's warnings once). */
  segmenterMissing = false;

  /** The segmenter, loaded on the first bare name that needs it (segmenter.ts); null when it cannot load here. */
  tagger(): Tagger | null {
    const tag = segmenter();
    if (tag === null) this.segmenterMissing = true;
    return tag;
  }

  add(name: string, titles: readonly string[]): void {
    const merged = this.byName.get(name) ?? [];
    for (const t of titles.flatMap(splitConcurrentPosts)) if (!merged.includes(t)) merged.push(t);
    this.byName.set(name, merged);
    this.lastAdded = name;
  }

  isKnown(name: string): boolean {
    return this.byName.has(name);
  }
}

/**
 * Part-of-speech tags (jieba's set, segmenter.ts) of one-character words that open or close no name: p preposition,
 * d adverb, c conjunction, u particle. A bare candidate that the segmenter reads as such a word plus the rest is not a
 * name: 向(p)雷锋同志, 丁磊还(d)表示. Checked on the 68 labelled pages (npm run bench:enrich): it removes the two
 * false names of that shape and no labelled or optional name. Names after a post are never vetoed: the post makes the
 * name certain, and jieba's HMM splits some real given names this way (朱立/凡(d), 袁道/先(d)).
 */
export const NOT_NAME_EDGE_TAGS: ReadonlySet<string> = new Set(['p', 'd', 'c', 'u']);

/**
 * Every character that jieba tags with a NOT_NAME_EDGE_TAGS tag when it is a one-character word: the 141 one-character
 * words of those tags in @node-rs/jieba 2.0.3's dictionary (dict.txt). A one-character token's tag depends on the
 * character alone (its dictionary entry, else a guess from the word itself), so a name whose first and last characters
 * are none of these is never vetoed, and the segmenter need not load to say so: 62 of the 69 zh-cwced pages then never
 * load it (a one-page `jsnews normalize` that only needed a veto check: ~0.36 -> ~0.24 s CPU). Tested against the
 * installed segmenter (every BMP character tagged alone and between two others), so an upgrade that changes the set
 * fails a test.
 */
export const FUNCTION_WORD_CHARS =
  '不与为之也乱于互亦仅从以仿似但依便倘偶傥先共再况凡凭则刚务勿却又及只同向和因囫在均太始对将尚尤就届屡岂已常并徒必忒忽恐恰悄悻愈慨或所才把按挺据既暂暗更曾替最未极根欲正殊比渐然特犹狠猛用甫甭由略皆直真确究竟竭等繇约纷终给绝而自至般若莫蓦虚蛮衷被讵谨越跟边还迭逐遂遽都鉴针除霎靶顺须颇骤';

/**
 * Whether the segmenter could veto `name` at all: only when its first or last character is a one-character word of a
 * NOT_NAME_EDGE_TAGS part of speech (FUNCTION_WORD_CHARS). A candidate with neither asks nothing, so the
 * segmenter's 5 MB dictionary loads only for a page that needs it.
 */
function mayBeVetoed(name: string): boolean {
  return FUNCTION_WORD_UNITS[name.charCodeAt(0)] === 1 || FUNCTION_WORD_UNITS[name.charCodeAt(name.length - 1)] === 1;
}

/** FUNCTION_WORD_CHARS as code units (all in the BMP). */
const FUNCTION_WORD_UNITS = unitFlags(FUNCTION_WORD_CHARS);

/** Whether the segmenter reads the name at `start` of `text` as a function word plus the rest (see NOT_NAME_EDGE_TAGS). */
function segmenterVetoes(tag: Tagger, text: string, start: number, name: string): boolean {
  return edgeIsFunctionWord(tokensWithOffsets(tag, text), start, name);
}

function edgeIsFunctionWord(tokens: readonly { word: string; tag: string; start: number }[], start: number, name: string): boolean {
  const end = start + name.length;
  const edgeWord = (at: number): boolean => tokens.some((t) => t.start === at && t.word.length === 1 && NOT_NAME_EDGE_TAGS.has(t.tag));
  return edgeWord(start) || edgeWord(end - 1);
}

/**
 * Tags of a whole-name token that may be a person: nr (and jieba's nrfg / nrt), or x (a word its HMM found outside the
 * dictionary: 韦丽华/x). A candidate the dictionary knows as another word is that word (年轻人/n 名李简: no 年轻人).
 */
const PERSON_OR_UNKNOWN_TAGS: ReadonlySet<string> = new Set(['nr', 'nrfg', 'nrt', 'x']);

/**
 * The name `text` opens with as a subject (shapes 5 and 6), or null: a name already read, else a name of three
 * characters (four with a compound surname: a lone two-character candidate is mostly a word, see
 * MIN_LONE_UNTITLED_NAME_CHARS) that is no place and that the segmenter reads with a word boundary after it and no
 * function word at its edges (潘/振声/生于 → 潘振声; 高中毕业/后 → no name). `whole`: the name must be all of `text`.
 */
function subjectNameAt(text: string, people: PeopleAccumulator, whole: boolean): string | null {
  for (const length of NAME_LENGTHS) {
    const name = text.slice(0, length);
    if (name.length === length && people.isKnown(name) && (!whole || name === text)) return name;
  }
  const length = COMPOUND_SURNAMES.has(text.slice(0, 2)) ? 4 : MIN_LONE_UNTITLED_NAME_CHARS;
  const name = text.slice(0, length);
  if (name.length !== length || (whole && name !== text) || !isPlausibleName(name) || PLACE_NAMES.has(name)) return null;
  const tag = people.tagger();
  if (tag === null) return null;
  const tokens = tokensWithOffsets(tag, text);
  if (length < text.length && !tokens.some((t) => t.start === length)) return null;
  if (tokens.some((t) => t.start === 0 && t.word === name && !PERSON_OR_UNKNOWN_TAGS.has(t.tag))) return null;
  return edgeIsFunctionWord(tokens, 0, name) ? null : name;
}

/** The person a holding clause is about: the latest subject of the paragraph that is, or resolves to, a name. */
function holdingSubject(paragraph: ParagraphState, people: PeopleAccumulator): string | null {
  for (let i = paragraph.subjects.length - 1; i >= 0; i--) {
    const subject = paragraph.subjects[i]!;
    const name = 'name' in subject ? subject.name : subjectNameAt(subject.text, people, false);
    if (name !== null) return name;
  }
  return null;
}

/** Shape 6: the posts pending since the clause after a lone name go to that name (韦丽华，复旦大学教授、…，长期…). */
function flushApposed(state: SentenceState, people: PeopleAccumulator): void {
  const name = state.apposed !== null && state.pendingTitles.length > 0 ? subjectNameAt(state.apposed, people, true) : null;
  if (name !== null) {
    people.add(name, state.pendingTitles);
    state.pendingTitles = [];
  }
  state.apposed = null;
}

function confirmsBareName(fit: NameFit, inList: boolean, people: PeopleAccumulator, text: string): boolean {
  if (people.isKnown(fit.name)) return fit.follow !== 'end';
  const longEnough = inList || fit.name.length >= MIN_LONE_UNTITLED_NAME_CHARS;
  if (!(longEnough && (fit.follow === 'strong' || fit.follow === 'list-close'))) return false;
  if (!mayBeVetoed(fit.name)) return true;
  const tag = people.tagger();
  return tag === null || !segmenterVetoes(tag, text, 0, fit.name);
}

function readBareSegment(segment: Segment, state: SentenceState, people: PeopleAccumulator): void {
  const read = readNameAt(segment.text, 0);
  // A bare name with no post that is a place (data/china-regions.ts PLACE_NAMES) is the place: 连云港发布重要提醒
  // (连 is a surname). A name after a post is kept whatever it is: 新闻发言人武平 is a person, though 武平 is a county.
  const fit = read && PLACE_NAMES.has(read.name) && !state.listTitles ? null : read;
  if (!fit) {
    state.listTitles = null;
    state.pendingBare = [];
  } else if (state.listTitles && segment.join === 'list') {
    const rest = segment.text.slice(fit.name.length);
    const after = postAfterName(rest);
    people.add(fit.name, after ? [...state.listTitles, after] : state.listTitles);
    if (!endsWithTitleOnly(rest)) state.listTitles = null;
  } else if (confirmsBareName(fit, state.pendingBare.length > 0, people, segment.text)) {
    for (const name of state.pendingBare) people.add(name, []);
    const held = holdingPost(segment.text.slice(fit.name.length));
    people.add(fit.name, held ? [held] : []);
    Object.assign(state, { pendingBare: [], heldBy: held ? fit.name : null });
  } else {
    if (fit.follow === 'end') state.pendingBare.push(fit.name);
    else state.pendingBare = [];
  }
}

/**
 * A post line signed with a name after a space, ending the sentence: 「中国载人航天工程新闻发言人 武平」. The segment must be
 * the name and nothing else; more text after it (新闻发言人 武平 今天…) is not this shape.
 */
function readSignedName(segment: Segment, state: SentenceState, people: PeopleAccumulator, isLast: boolean): boolean {
  if (segment.join !== 'space' || !isLast || state.pendingTitles.length === 0) return false;
  const fit = readPostedNameAt(segment.text, 0);
  if (!fit || fit.name !== segment.text) return false;
  people.add(fit.name, state.pendingTitles);
  state.pendingTitles = [];
  return true;
}

function readSegment(segment: Segment, state: SentenceState, people: PeopleAccumulator, isLast: boolean, next: Segment | undefined): void {
  if (readSignedName(segment, state, people, isLast)) return;
  const inRun = segment.join === 'list' || segment.join === 'clause';
  if (state.heldBy !== null && inRun && isPost(segment.text) && cleanTitle(segment.text) === segment.text) {
    people.add(state.heldBy, [segment.text]);
    return;
  }
  state.heldBy = null;
  if (!inRun) {
    flushApposed(state, people);
    state.pendingTitles = [];
    state.listTitles = null;
    state.pendingBare = [];
  }
  if (segment.join === 'clause') {
    state.listTitles = null;
    state.pendingBare = [];
  }
  if (PHOTO_CREDIT.test(segment.text)) {
    state.pendingBare = [];
    return;
  }
  if (state.listTitles && segment.join === 'list') {
    const fit = readNameAt(segment.text, 0);
    if (fit) {
      state.pendingTitles = [];
      readBareSegment(segment, state, people);
      return;
    }
  }
  const before = readNamesBeforeTitles(segment.text, people);
  const titled = readTitledName(segment.text);
  if (before.length > 0 && !(titled && before.some((b) => b.name === titled.fit.name))) {
    before.forEach((b, i) => people.add(b.name, i === 0 ? [...state.pendingTitles, b.title] : [b.title]));
    Object.assign(state, { pendingTitles: [], pendingBare: [], listTitles: null, apposed: null });
    return;
  }
  if (titled) {
    const titles = [...state.pendingTitles, titled.title];
    const after = postAfterName(titled.after);
    const held = holdingPost(titled.after);
    people.add(titled.fit.name, [...titles, ...(after ? [after] : []), ...(held ? [held] : [])]);
    Object.assign(state, {
      pendingTitles: [],
      pendingBare: [],
      listTitles: endsWithTitleOnly(titled.after) ? titles : null,
      apposed: null,
      heldBy: held ? titled.fit.name : null,
    });
    return;
  }
  if (readHoldingClause(segment, state, people, next)) return;
  const described = state.pendingTitles.length > 0 && segment.join === 'list' ? readDescribedName(segment.text) : null;
  if (described) {
    const after = postAfterName(described.after);
    people.add(described.fit.name, after ? [...state.pendingTitles, after] : state.pendingTitles);
    Object.assign(state, { pendingTitles: [], pendingBare: [], listTitles: null, apposed: null });
  } else if (isPost(segment.text)) {
    if (state.pendingTitles.length === 0) state.apposed = segment.join === 'clause' ? state.previous : null;
    state.pendingTitles.push(cleanTitle(segment.text));
    Object.assign(state, { listTitles: null, pendingBare: [] });
  } else {
    flushApposed(state, people);
    state.pendingTitles = [];
    readBareSegment(segment, state, people);
  }
}

/**
 * Shape 5: 「1991年调任江苏省文联党组成员」 gives its post to the paragraph's subject, and so do the post-only clauses
 * right after it. Not when the next segment is a post and a name of its own (现任省委常委、市委书记张三: the posts are
 * 张三's), nor when the paragraph has no subject.
 */
function readHoldingClause(segment: Segment, state: SentenceState, people: PeopleAccumulator, next: Segment | undefined): boolean {
  const held = holdingPost(segment.text);
  if (held === null || (next?.join === 'list' && readTitledName(next.text) !== null)) return false;
  const subject = holdingSubject(state.paragraph, people);
  if (subject === null) return false;
  people.add(subject, [held]);
  Object.assign(state, { pendingTitles: [], pendingBare: [], listTitles: null, apposed: null, heldBy: subject });
  return true;
}

/** Reads one segment and remembers who (or which clause-opening text) the paragraph may be about next (shape 5). */
function readAndRemember(segment: Segment, state: SentenceState, people: PeopleAccumulator, isLast: boolean, next: Segment | undefined): void {
  people.lastAdded = null;
  readSegment(segment, state, people, isLast, next);
  const subjects = state.paragraph.subjects;
  if (people.lastAdded !== null) subjects.push({ name: people.lastAdded });
  else if (segment.join !== 'list' && hasUnitFlag(segment.text.charCodeAt(0), SURNAME_FIRST)) subjects.push({ text: segment.text });
  if (subjects.length > MAX_SUBJECT_CANDIDATES) subjects.shift();
  state.previous = segment.text;
}

/**
 * The sentences of a paragraph (cut at every SENTENCE_END_CHARS unit, marks dropped) whose reading can change
 * anything, in order. Every person read needs a post (a unit of POST_SUFFIX_LAST_CHARS ends each post, and each
 * POSTS_AFTER_NAME title is a post suffix) or a segment that opens with a surname (a bare name, or a subject for a
 * holding clause later in the paragraph). A sentence with neither adds no person and no subject, so it is skipped
 * whole: about half the sentences of the zh-cwced bodies (a quarter of their text). One scan cuts and tests, and a
 * skipped sentence is never sliced out.
 */
export function sentencesToRead(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let read = false;
  let segmentStart = true;
  for (let i = 0; i <= text.length; i++) {
    const flags = i < text.length ? PEOPLE_UNITS[text.charCodeAt(i)]! : SENTENCE_END;
    if ((flags & SENTENCE_END) !== 0) {
      if (read) out.push(text.slice(start, i));
      start = i + 1;
      read = false;
      segmentStart = true;
    } else if (!read) {
      read = (flags & POST_SUFFIX_LAST) !== 0 || (segmentStart && (flags & SURNAME_FIRST) !== 0);
      segmentStart = (flags & SEGMENT_SEPARATOR) !== 0;
    }
  }
  return out;
}

/** Named people and their posts, at most MAX_PEOPLE; when the cap cuts, a warning is added to `warnings`. */
export function findPeople(paragraphs: string[], warnings?: string[]): PersonMention[] {
  const people = new PeopleAccumulator();
  for (const text of paragraphs) {
    const paragraph: ParagraphState = { subjects: [] };
    for (const sentence of sentencesToRead(text)) {
      const state: SentenceState = { pendingTitles: [], listTitles: null, pendingBare: [], apposed: null, heldBy: null, previous: null, paragraph };
      const segments = segmentsOf(sentence);
      segments.forEach((segment, i) => readAndRemember(segment, state, people, i === segments.length - 1, segments[i + 1]));
      flushApposed(state, people);
    }
  }
  if (people.segmenterMissing) warnings?.push(`people: the segmenter did not load (${segmenterLoadError()}); bare names were not checked by it`);
  const all = [...people.byName].map(([name, titles]) => ({ name, titles }));
  if (all.length > MAX_PEOPLE) warnings?.push(`people capped at ${MAX_PEOPLE}: ${all.length - MAX_PEOPLE} more name(s) not kept`);
  return all.slice(0, MAX_PEOPLE);
}
