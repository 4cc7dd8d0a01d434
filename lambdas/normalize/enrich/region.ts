/**
 * Where an article is about, anywhere in China: province / city / district from the place names in its cleaned,
 * Simplified title, subtitle and body, over the nationwide division table (data/china-regions.ts).
 *
 * 1. Place mentions, left to right, longest form first (南京江北新区 is one mention of 江北新区, 镇江新区 is not
 *    镇江 + 新区). Full names (江油市, 沙坪坝区) always count; a short form needs word-boundary care: a 2-character
 *    short form inside a common word is skipped (非常熟悉 is not 常熟), and a county's short form counts only when
 *    its city or province is named on the page too (四川江油 yes, a stray 江油 no).
 * 2. Weights: headline and subtitle count HEADLINE_WEIGHT, the lead paragraph LEAD_WEIGHT, the rest 1; a place
 *    counts once per text (scoreBy). A mention inside an organisation's name (江苏卫视, 南京大学, 江苏省苏豪控股集团),
 *    a transport work's name (江阴大桥) or a commenter's location ([网易湖北省武汉网友]) counts nothing; one that
 *    opens an official's post (江苏省委书记信长星 at a Shanghai meeting) counts OFFICIAL_POST_WEIGHT.
 *    A foreign country (data/foreign-countries.ts) is weighed like a province; when one outweighs the winning province
 *    the story is about abroad and names no region (a foreign story that names 香港 is not about 香港), while a story
 *    about a Chinese place seen from abroad (外媒眼中的武汉, 山西品牌丝路行 in 巴西) keeps it.
 * 3. province = the province with the most weight, only when it holds DOMINANT_SHARE of all place weight; city and
 *    district likewise inside the chosen province and city, and only when they hold PART_OF_PARENT_SHARE of their
 *    parent's weight. A municipality's city is the municipality. Null where no one place dominates: a national
 *    notice, a list of many cities, a company's projects across the country; and null for a national body's
 *    directive to every region, whatever regions it singles out (NATIONAL_ISSUER + TO_EVERY_REGION).
 * Conventions and the labelled pages this was checked on: test/fixtures/enrich/README.md (`npm run bench:enrich`).
 */
import { CHINA_REGIONS } from '../data/china-regions.js';
import { FOREIGN_COUNTRIES } from '../data/foreign-countries.js';

export interface RegionInput {
  title: string;
  subtitle?: string | null;
  paragraphs: string[];
}

export interface Region {
  province: string | null;
  city: string | null;
  district: string | null;
}

/** A headline names the place a story is about; body mentions are often context (visits, comparisons). */
export const HEADLINE_WEIGHT = 3;
/** The lead paragraph usually says where the event happened (dateline, 8月23日至24日，全市…在亭湖区). */
export const LEAD_WEIGHT = 2;
/** A place that opens an official's post says who attended, not where: 江苏省委书记 at a meeting in Shanghai. */
export const OFFICIAL_POST_WEIGHT = 0.5;
/**
 * The winner's share of the weight at its level needed to name it. 0.6 keeps a story about one place with
 * comparisons (长沙 among 上海, 福建 for a Longfor story is 0.4) null, and one with a visitor (上海 + 江苏省委书记) right.
 */
export const DOMINANT_SHARE = 0.6;
/** Below this much place weight a page names no region: one passing body mention (杭州 once in a chip story) is not enough. */
export const MIN_WEIGHT = 2;
/**
 * A sentence naming this many provinces is an enumeration (a conference's past hosts, a national notice's list of
 * regions): it says nothing about where this story is, and its mentions count nothing.
 */
export const ENUMERATION_PROVINCES = 4;
/**
 * A city paper speaks of its city as 全市 / 我市 / 本市: when the page names no other place than one city, one mention
 * of it is enough (MIN_WEIGHT is 1). Seed 003, a 镇江 commentary that says 全市 throughout and 镇江 once.
 */
const OWN_CITY_VOICE = /全市|我市|本市/;
/**
 * A national body's directive to every region (a State Council notice: 湖北省和武汉市要…，北京市要…，全国其他地区要…)
 * names the regions it singles out as addressees; the story is national (labels: null). Both must hold: a national
 * issuer in the headline or the lead, and a directive to every region in the text. A provincial notice's 各地要 (a
 * Jiangsu paper, zh-cwced/b26fbb82) has no national issuer; a national body's decision about one place has no
 * directive to every region. Checked on the 68 labelled pages: only gne/163-8 has both.
 */
const NATIONAL_ISSUER = /国务院|中共中央|党中央|中央办公厅|国家[\p{Script=Han}]{1,8}?(?:部|委员会|委|总局|局|署)/u;
const TO_EVERY_REGION = /(?:各地区|各地|全国其他地区|各省份|各省区市|各省（区、市）)要/;
/** A dateline names where the report was filed, not what it is about: 新华社拉萨电, 央广网北京2月13日消息, 发自北京. */
const DATELINE_AFTER = /^(?:\d{1,2}月\d{1,2}日)?(?:电|讯|消息)/;
const DATELINE_BEFORE = /(?:社|网|台|报|发自)$/;
/**
 * Paragraphs read for the district: the lead is often preceded by a 原标题 line, a summary or a photo caption,
 * and a district named only further down is one stop of a city-wide story (seed 000).
 */
export const DISTRICT_LEAD_PARAGRAPHS = 3;
/**
 * A city is named only when the texts naming it (headline, subtitle, paragraphs, weighted) are this share of the texts
 * naming its province, and a district likewise of its city's. Otherwise the story is about the whole province (a
 * provincial notice whose works lie in 白城 and 松原) or the whole city (a 东莞 survey that opens in one town).
 * Checked on test/fixtures/enrich: any value from 0.2 to 0.5 gives the same pages; 0.3 sits in the middle.
 */
export const PART_OF_PARENT_SHARE = 0.3;
/** A district must hold this share of the district mentions in the lead; one mention there is enough. */
export const DISTRICT_SHARE = 0.5;

/** Organisation words after a place name (with up to ORG_MAX_MIDDLE_CHARS of name between) that make it part of a name. */
const ORGANISATION = /^[\p{Script=Han}]{0,6}?(?:大学|学院|卫视|电视台|广播电视台|集团|控股|银行|日报|晚报|报社|出版社)/u;
/** Party and government bodies after a place that open a post: 江苏省委书记, 南京市长, 浦口区委书记, 省贸促会会长. */
/** A place before 网友 is where a commenter posts from (a comment line left in the body: [网易湖北省武汉网友]), not the story's. */
const COMMENTER = /^(?:[省市县区]|[\p{Script=Han}]{0,4}?)网友/u;
/**
 * Transport works named after a place (江阴大桥, 广陵枢纽, 无锡东收费站, 泰州大桥) say where a route runs, not
 * where the story is: a road-closure notice lists every bridge and junction of its detours.
 */
const FACILITY = /^[东南西北]?(?:大桥|枢纽|收费站|互通|汽渡|服务区)/;
const OFFICIAL_POST = /^(?:省|市|县|区|州)?(?:委|政府|人大|政协|长|纪委)/;
/**
 * Two-character short forms that also end or start a common word: skip the match when the character before (left)
 * or after (right) is listed. 非常熟悉 is not 常熟, 例如东部 is not 如东, 北京时间 is not 北京.
 */
export const LEFT_CONTEXT: Readonly<Record<string, string>> = {
  常熟: '非经通正异日平', 如东: '例比假', 海门: '上', 启东: '开', 兴化: '新', 高港: '提', 海安: '航', 江阴: '', 德清: '',
};
export const RIGHT_CONTEXT: Readonly<Record<string, string>> = { 常熟: '悉练知', 北京: '时' };

type Level = 'province' | 'city' | 'district';

interface Place {
  province: string;
  city: string | null;
  district: string | null;
  level: Level;
  /** A county short form: counts only when its city or province is named elsewhere on the page. */
  needsParent: boolean;
  municipality: boolean;
}

interface Mention {
  places: readonly Place[];
  weight: number;
  /** Which text it is in (headline, subtitle, paragraph n): a place counts once per text (see scoreBy). */
  text: number;
}

/** Prefix of a foreign country's province key (no Chinese province name starts with it). */
const FOREIGN_KEY = 'abroad:';
/**
 * The forms as a trie over UTF-16 units in typed arrays (FormTrie): most positions start no form (the filters of
 * FormIndex), the rest walk only as far as the text still spells a form, with no substring made per length tried.
 */
interface FormIndex {
  forms: ReadonlyMap<string, readonly Place[]>;
  trie: FormTrie;
  /**
   * The first code unit of every form, one bit per BMP unit (8 KB): 984 units, which 29 % of the zh-cwced body positions
   * hold, so the pair filter below is asked at under a third of the positions.
   */
  firstUnits: Uint32Array;
  /**
   * The first two code units of every form (all have two or more), hashed to one bit of PAIR_FILTER_BITS: a position
   * whose pair's bit is clear starts no form; a set bit is checked by the trie walk. 3,309 pairs set about 5 % of the
   * bits, so that many pairs that start no form still walk (one Map read that finds nothing). An exact set was 64 KB
   * read at a random place per position, most of it out of the cache again by the next page.
   */
  pairBits: Uint32Array;
  /** Scratch for longestFormAt: the forms that start at the position, shortest first (as long as the longest form). */
  formsHere: string[];
}
let formIndex: FormIndex | undefined;

/** The place forms and their trie, built on the first text read rather than at module load (~35 ms CPU in a cold
 * process, which a run over pages without Han text never needs). */
function placeForms(): FormIndex {
  if (!formIndex) {
    const forms = buildForms();
    const longest = Math.max(...[...forms.keys()].map((f) => f.length));
    const firstUnits = new Uint32Array(BMP_UNITS / 32);
    const pairBits = new Uint32Array(PAIR_FILTER_BITS / 32);
    for (const form of forms.keys()) {
      setBit(firstUnits, form.charCodeAt(0));
      setBit(pairBits, pairBit(form.charCodeAt(0), form.charCodeAt(1)));
    }
    formIndex = { forms, trie: formTrie(forms), firstUnits, pairBits, formsHere: new Array<string>(longest).fill('') };
  }
  return formIndex;
}

const BMP_UNITS = 0x10000;
/** Bits of the pair filter: 2^16 (8 KB) against 3,309 pairs (see FormIndex.pairBits). */
const PAIR_FILTER_BITS = 1 << 16;

/** The pair filter's bit for two code units: the high 16 bits of the pair times an odd constant. */
function pairBit(first: number, second: number): number {
  return Math.imul((first << 16) | second, 0x9e3779b1) >>> 16;
}

function setBit(bits: Uint32Array, at: number): void {
  bits[at >>> 5]! |= 1 << (at & 31);
}

function hasBit(bits: Uint32Array, at: number): boolean {
  return ((bits[at >>> 5]! >>> (at & 31)) & 1) === 1;
}

/** Whether some form may start with the code units at `start` and `start + 1` of `text` (the trie walk decides). */
function mayStartForm({ firstUnits, pairBits }: FormIndex, text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  if (!hasBit(firstUnits, first) || start + 1 >= text.length) return false;
  return hasBit(pairBits, pairBit(first, text.charCodeAt(start + 1)));
}

/**
 * A trie whose edges are one open-addressing hash table over typed arrays: the edge (node, code unit) sits at the first
 * free slot from edgeSlot(node, unit). Node 0 is the root; a node's form is formAt[node]. The 6,434 forms make 9,395
 * nodes. As a table of 65,536 first units with a Map per inner node it was 2.1 MB live for the rest of the process
 * (half of placeForms' 4.2 MB), which every major GC then walked; as typed arrays it is ~0.36 MB (32,768 slots × 10 bytes + 9,395 form pointers) and placeForms 2.1 MB
 * (node --expose-gc, heapUsed after the build, 10 fresh processes each). Build CPU and findRegion's per-page CPU are
 * unchanged within the noise.
 */
interface FormTrie {
  /** The slot's edge: parent node + 1 (0: free slot), its code unit and the child node. */
  edgeParent: Int32Array;
  edgeUnit: Uint16Array;
  edgeChild: Int32Array;
  mask: number;
  formAt: (string | null)[];
}

function edgeSlot(node: number, unit: number, mask: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) >>> 15 & mask;
}

/** The child of `node` along `unit`, or -1. */
function trieChild({ edgeParent, edgeUnit, edgeChild, mask }: FormTrie, node: number, unit: number): number {
  for (let slot = edgeSlot(node, unit, mask); ; slot = (slot + 1) & mask) {
    const parent = edgeParent[slot]!;
    if (parent === 0) return -1;
    if (parent === node + 1 && edgeUnit[slot] === unit) return edgeChild[slot]!;
  }
}

function formTrie(forms: ReadonlyMap<string, readonly Place[]>): FormTrie {
  // One slot per code unit of all forms at least, an upper bound of the edges (shared prefixes share theirs): ~20,000
  // units for 9,394 edges, 32,768 slots: the table is under a third full and a probe that finds nothing ends after a slot or two.
  let units = 0;
  for (const form of forms.keys()) units += form.length;
  let size = 1;
  while (size < units) size <<= 1;
  const trie: FormTrie = { edgeParent: new Int32Array(size), edgeUnit: new Uint16Array(size), edgeChild: new Int32Array(size), mask: size - 1, formAt: [null] };
  for (const form of forms.keys()) {
    let node = 0;
    for (let i = 0; i < form.length; i++) {
      const unit = form.charCodeAt(i);
      let child = trieChild(trie, node, unit);
      if (child < 0) {
        child = trie.formAt.length;
        trie.formAt.push(null);
        let slot = edgeSlot(node, unit, trie.mask);
        while (trie.edgeParent[slot] !== 0) slot = (slot + 1) & trie.mask;
        trie.edgeParent[slot] = node + 1;
        trie.edgeUnit[slot] = unit;
        trie.edgeChild[slot] = child;
      }
      node = child;
    }
    trie.formAt[node] = form;
  }
  return trie;
}

function buildForms(): Map<string, Place[]> {
  const forms = new Map<string, Place[]>();
  const add = (form: string, place: Place): void => {
    if (form.length < 2) return;
    const list = forms.get(form) ?? [];
    if (!list.some((p) => p.province === place.province && p.city === place.city && p.district === place.district)) list.push(place);
    forms.set(form, list);
  };
  // Foreign countries: each its own "province" key, weighed like a province and never named (see findRegion).
  for (const name of FOREIGN_COUNTRIES) add(name, place(`${FOREIGN_KEY}${name}`, false, false, null, null, 'province'));
  for (const p of CHINA_REGIONS.provinces) {
    const { short: province, municipality } = p;
    add(p.name, place(province, municipality, false, municipality ? province : null, null, municipality ? 'city' : 'province'));
    add(p.short, place(province, municipality, false, municipality ? province : null, null, municipality ? 'city' : 'province'));
    for (const c of p.cities) {
      if (!municipality) {
        add(c.name, place(province, municipality, false, c.label, null, 'city'));
        if (c.short) add(c.short, place(province, municipality, false, c.label, null, 'city'));
      }
      for (const d of c.districts) {
        add(d.name, place(province, municipality, false, c.label, d.name, 'district'));
        for (const s of d.shortForms) add(s, place(province, municipality, s.length <= 2, c.label, d.name, 'district'));
      }
    }
  }
  return forms;
}

/**
 * One Place as a literal of one shape (not `{ ...base, … }`: object spread of ~10,000 places cost about 100 ms at
 * every process start, node --cpu-prof of the region module's import).
 */
function place(province: string, municipality: boolean, needsParent: boolean, city: string | null, district: string | null, level: Level): Place {
  return { province, municipality, needsParent, city, district, level };
}

function boundaryOk(text: string, start: number, form: string): boolean {
  const left = LEFT_CONTEXT[form];
  const right = RIGHT_CONTEXT[form];
  return !(left && left.includes(text[start - 1] ?? '\u0000')) && !(right && right.includes(text[start + form.length] ?? '\u0000'));
}

/** The longest form starting at `start` whose word boundaries hold (boundaryOk), or null. */
function longestFormAt({ trie, formsHere }: FormIndex, text: string, start: number): string | null {
  let found = 0;
  for (let end = start, node = 0; end < text.length; end++) {
    node = trieChild(trie, node, text.charCodeAt(end));
    if (node < 0) break;
    const form = trie.formAt[node] ?? null;
    if (form !== null) formsHere[found++] = form;
  }
  for (let k = found - 1; k >= 0; k--) if (boundaryOk(text, start, formsHere[k]!)) return formsHere[k]!;
  return null;
}

/** Drops county short forms whose city or province is never named, and resolves ambiguous forms by what is named. */
function resolve(mentions: readonly Mention[]): Mention[] {
  const named = new Set<string>();
  for (const m of mentions) {
    for (const p of m.places) {
      if (p.needsParent || m.places.length > 1) continue;
      named.add(p.province);
      named.add(`${m.text}\u0000${p.province}`);
      if (p.city) named.add(`${p.province}/${p.city}`);
    }
  }
  const out: Mention[] = [];
  for (const m of mentions) {
    // A county short form needs its own city on the page, or its province in the same text (四川江油): a province
    // named only through another city (武汉) does not make 公安部 the county 公安.
    const places = m.places.filter((p) => !p.needsParent || named.has(`${m.text}\u0000${p.province}`) || named.has(`${p.province}/${p.city}`));
    const byCity = places.filter((p) => named.has(`${p.province}/${p.city}`));
    const confirmed = places.length <= 1 ? places : byCity.length > 0 ? byCity : places.filter((p) => named.has(p.province));
    if (confirmed.length === 1) out.push({ places: confirmed, weight: m.weight, text: m.text });
  }
  return out;
}

/** The single top key with at least `share` of the total weight and `min` weight, or null (a tie is null). */
function dominant(scores: Map<string, number>, share: number, min = MIN_WEIGHT): string | null {
  let total = 0;
  let best: [string, number] | null = null;
  let tie = false;
  for (const [key, w] of scores) {
    total += w;
    if (best && w === best[1]) tie = true;
    if (!best || w > best[1]) [best, tie] = [[key, w], false];
  }
  if (!best || tie || best[1] < min || best[1] < share * total) return null;
  return best[0];
}

/**
 * Weight per key. A key counts once per text (headline, subtitle, paragraph), at its strongest mention there: one
 * paragraph that names 深圳 three times is one passing topic (a scholar's data from 深圳 in a Beijing report), and a
 * company bulletin's 常州市工业用地…公司常州基地 one item. Checked on test/fixtures/enrich (with the other rules in
 * place): counting every mention claims a null-labelled company bulletin for 江苏 and a city on a provincial notice.
 */
function scoreBy(mentions: readonly Mention[], keyOf: (p: Place) => string | null): Map<string, number> {
  const best = new Map<string, number>();
  for (const m of mentions) {
    const key = keyOf(m.places[0]!);
    if (key === null) continue;
    const slot = `${m.text}\u0000${key}`;
    best.set(slot, Math.max(best.get(slot) ?? 0, m.weight));
  }
  const scores = new Map<string, number>();
  for (const [slot, w] of best) {
    const key = slot.slice(slot.indexOf('\u0000') + 1);
    scores.set(key, (scores.get(key) ?? 0) + w);
  }
  return scores;
}

/**
 * Place mentions of a paragraph, left to right, longest form first, never overlapping, leaving out the sentences that
 * are enumerations. One scan: a sentence ends after each isSentenceEnd mark (the mark kept in it; a mark that ends the
 * paragraph ends nothing more), and each mention is read in the whole paragraph, which reads it as its sentence alone
 * would: no form holds or starts with a mark, and every rule that looks around a mention (ORGANISATION, COMMENTER,
 * FACILITY, OFFICIAL_POST and DATELINE_AFTER after it, DATELINE_BEFORE and 发自 before it, LEFT_CONTEXT and
 * RIGHT_CONTEXT) matches only characters that are no mark, right next to it, so nothing past a mark changes it.
 * No sentence is sliced out.
 */
function paragraphMentions(text: string, weight: number, index: number): Mention[] {
  const out: Mention[] = [];
  const sentence: Mention[] = [];
  const placeIndex = placeForms();
  for (let i = 0; i < text.length; ) {
    if (isSentenceEnd(text.charCodeAt(i))) {
      i += 1;
      if (i < text.length) keepSentence(sentence, out);
      continue;
    }
    const form = mayStartForm(placeIndex, text, i) ? longestFormAt(placeIndex, text, i) : null;
    if (form === null) {
      i += 1;
      continue;
    }
    const after = text.slice(i + form.length, i + form.length + 12);
    const dateline = DATELINE_AFTER.test(after) && DATELINE_BEFORE.test(text.slice(Math.max(0, i - 3), i));
    const w = ORGANISATION.test(after) || COMMENTER.test(after) || FACILITY.test(after) || dateline || DATELINE_BEFORE.test(text.slice(Math.max(0, i - 2), i)) && text.slice(i - 2, i) === '发自' ? 0 : OFFICIAL_POST.test(after) ? weight * OFFICIAL_POST_WEIGHT : weight;
    if (w > 0) sentence.push({ places: placeIndex.forms.get(form)!, weight: w, text: index });
    i += form.length;
  }
  keepSentence(sentence, out);
  return out;
}

/** Moves one sentence's mentions to `out`, unless they are an enumeration; leaves `sentence` empty. */
function keepSentence(sentence: Mention[], out: Mention[]): void {
  if (sentence.length > 0 && !isEnumeration(sentence)) for (const m of sentence) out.push(m);
  sentence.length = 0;
}

/** Whether the mentions (of one sentence) name ENUMERATION_PROVINCES provinces or more. */
function isEnumeration(found: readonly Mention[]): boolean {
  // Fewer places than that name fewer provinces: no set to build (most sentences).
  let places = 0;
  for (const m of found) places += m.places.length;
  if (places < ENUMERATION_PROVINCES) return false;
  const provinces = new Set<string>();
  for (const m of found) for (const p of m.places) provinces.add(p.province);
  return provinces.size >= ENUMERATION_PROVINCES;
}

/**
 * Whether a code unit is a mark that ends a sentence for the enumeration rule (paragraphMentions; the sentence keeps its
 * mark): 。！？； (U+3002, U+FF01, U+FF1F, U+FF1B). Four comparisons, no table to bring into the cache.
 */
function isSentenceEnd(unit: number): boolean {
  return unit === 0x3002 || unit === 0xff01 || unit === 0xff1f || unit === 0xff1b;
}

function isNationalDirective(input: RegionInput): boolean {
  const opening = [input.title, input.subtitle ?? '', input.paragraphs[0] ?? ''];
  return opening.some((t) => NATIONAL_ISSUER.test(t)) && input.paragraphs.some((p) => TO_EVERY_REGION.test(p));
}

export function findRegion(input: RegionInput): Region {
  if (isNationalDirective(input)) return { province: null, city: null, district: null };
  const headline = [
    ...paragraphMentions(input.title, HEADLINE_WEIGHT, -2),
    ...paragraphMentions(input.subtitle ?? '', HEADLINE_WEIGHT, -1),
    ...paragraphMentions(input.paragraphs[0] ?? '', LEAD_WEIGHT, 0),
    ...input.paragraphs.slice(1, DISTRICT_LEAD_PARAGRAPHS).flatMap((p, i) => paragraphMentions(p, 1, i + 1)),
  ];
  const raw = [...headline, ...input.paragraphs.slice(DISTRICT_LEAD_PARAGRAPHS).flatMap((p, i) => paragraphMentions(p, 1, i + DISTRICT_LEAD_PARAGRAPHS))];
  const mentions = resolve(raw);
  const placesNamed = new Set(mentions.map((m) => m.places[0]));
  const headlineMentions = resolve(headline).filter((m) => placesNamed.has(m.places[0]));
  const provinceScores = scoreBy(mentions, (p) => p.province);
  const abroad = Math.max(0, ...[...provinceScores].filter(([key]) => key.startsWith(FOREIGN_KEY)).map(([, w]) => w));
  for (const key of [...provinceScores.keys()]) if (key.startsWith(FOREIGN_KEY)) provinceScores.delete(key);
  const cityKeys = new Set(mentions.filter((m) => !m.places[0]!.province.startsWith(FOREIGN_KEY)).map((m) => `${m.places[0]!.province}/${m.places[0]!.city}`));
  const ownCity = abroad === 0 && provinceScores.size === 1 && cityKeys.size === 1 && !cityKeys.has(`${[...provinceScores.keys()][0]}/null`) && [input.title, input.subtitle ?? '', ...input.paragraphs].some((t) => OWN_CITY_VOICE.test(t));
  const min = ownCity ? 1 : MIN_WEIGHT;
  const province = dominant(provinceScores, DOMINANT_SHARE, min);
  if (province === null || abroad > (provinceScores.get(province) ?? 0)) return { province: null, city: null, district: null };
  const inProvince = mentions.filter((m) => m.places[0]!.province === province);
  const provinceScore = scoreBy(inProvince, (p) => p.province).get(province) ?? 0;
  const cityScores = scoreBy(inProvince, (p) => p.city);
  const city = dominant(cityScores, DOMINANT_SHARE, min);
  if (city === null || (cityScores.get(city) ?? 0) < PART_OF_PARENT_SHARE * provinceScore) return { province, city: null, district: null };
  // The district: named in the headline or the first paragraphs, and dominant among the districts named there.
  const inCity = headlineMentions.filter((m) => m.places[0]!.province === province && m.places[0]!.city === city);
  const district = dominant(scoreBy(inCity, (p) => p.district), DISTRICT_SHARE, 1);
  const cityWide = inProvince.filter((m) => m.places[0]!.city === city);
  if (district !== null && (scoreBy(cityWide, (p) => p.district).get(district) ?? 0) < PART_OF_PARENT_SHARE * (cityScores.get(city) ?? 0)) return { province, city, district: null };
  return { province, city, district };
}
