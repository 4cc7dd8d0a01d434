/**
 * Where an article is about: province / city / district, from place names in its (cleaned, Simplified) text.
 *
 * 1. Mask institution names that merely contain a city (南京航空航天大学 is not news about 南京).
 * 2. Find place mentions: left to right, longest form first, so 南京江北新区 is one mention of 江北新区
 *    (not 南京 + 江北新区) and 镇江新区 is not 镇江 + 新区.
 * 3. city = the Jiangsu city with the highest weighted score; a district mention counts for its city.
 *    A tie or no mention gives null.
 * 4. district = the most-mentioned district of that city in the title, subtitle or lead paragraph; a tie
 *    or none gives null (a city-wide meeting that visits several districts is about the city).
 * 5. province = 江苏 when a Jiangsu city was named (even in a tie, or through one of its districts) or a
 *    province word appears. A form that also names places in two cities (鼓楼区) is not enough.
 */
import { JIANGSU_REGIONS, type District } from '../data/jiangsu-regions.js';

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
export const HEADLINE_MENTION_WEIGHT = 3;
/** Every body mention counts once. */
export const BODY_MENTION_WEIGHT = 1;
/** Words that put a story in Jiangsu without naming a city. Single 苏 is too ambiguous (苏州, 苏联, 复苏). */
export const PROVINCE_WORDS = ['江苏', '苏南', '苏中', '苏北', '苏锡常'] as const;
/**
 * Universities and colleges named after a city (南京航空航天大学, 扬州大学): the city name inside
 * them is not evidence of where the story happens. Only name-like characters may sit between city and 大学.
 */
const INSTITUTION_MIDDLE_CHARS = '航空天理工农林业医药科技师范财经邮电信息程中海洋传媒审计体育艺术晓庄';
const INSTITUTION_MAX_MIDDLE_CHARS = 6;
/**
 * Short forms that also end common phrases: skip the match when the character before it is listed.
 * 例如东部 is not 如东, 上海门户 is not 海门, 开启东方 is not 启东, 新兴化工 is not 兴化, 提高港口 is not 高港.
 */
export const FALSE_LEFT_CONTEXT: Readonly<Record<string, string>> = {
  如东: '例比假',
  海门: '上',
  启东: '开',
  兴化: '新',
  高港: '提',
  海安: '航',
};

/** One place a form can mean. Most forms mean one place; 鼓楼区 means one in 南京 and one in 徐州. */
interface Place {
  city: string;
  district: District | null;
}

interface Mention {
  places: readonly Place[];
  weight: number;
}

const FORMS: ReadonlyMap<string, readonly Place[]> = buildForms();
const MAX_FORM_CHARS = Math.max(...[...FORMS.keys()].map((f) => f.length));
const INSTITUTION_NAME = new RegExp(
  `(?:${JIANGSU_REGIONS.cities.map((c) => c.short).join('|')})[${INSTITUTION_MIDDLE_CHARS}]{0,${INSTITUTION_MAX_MIDDLE_CHARS}}(?:大学|学院)`,
  'g',
);
const MASK_CHAR = '\u0000';

function buildForms(): Map<string, Place[]> {
  const forms = new Map<string, Place[]>();
  const add = (form: string, place: Place): void => {
    forms.set(form, [...(forms.get(form) ?? []), place]);
  };
  for (const city of JIANGSU_REGIONS.cities) {
    add(city.name, { city: city.short, district: null });
    add(city.short, { city: city.short, district: null });
    for (const district of city.districts) for (const form of district.forms) add(form, { city: city.short, district });
  }
  return forms;
}

function maskInstitutions(text: string): string {
  return text.replace(INSTITUTION_NAME, (m) => MASK_CHAR.repeat(m.length));
}

/** First characters of every form: most positions in a text start no place name, and are skipped at once. */
let firstChars: ReadonlySet<string> | null = null;

function longestFormAt(text: string, start: number): string | null {
  firstChars ??= new Set([...FORMS.keys()].map((f) => f[0]!));
  if (!firstChars.has(text[start]!)) return null;
  for (let len = Math.min(MAX_FORM_CHARS, text.length - start); len >= 2; len--) {
    const form = text.slice(start, start + len);
    if (FORMS.has(form) && !FALSE_LEFT_CONTEXT[form]?.includes(text[start - 1] ?? MASK_CHAR)) return form;
  }
  return null;
}

/** Place mentions in one text, left to right, longest form first, never overlapping. */
function findPlaceMentions(text: string, weight: number): Mention[] {
  const masked = maskInstitutions(text);
  const mentions: Mention[] = [];
  for (let i = 0; i < masked.length; ) {
    const form = longestFormAt(masked, i);
    if (form === null) {
      i += 1;
      continue;
    }
    mentions.push({ places: FORMS.get(form) ?? [], weight });
    i += form.length;
  }
  return mentions;
}

/** The single top key of a score map, or null on a tie or when empty. */
function uniqueTop(scores: Map<string, number>): string | null {
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return null;
  return first[0];
}

/** A form that means places in two cities (鼓楼区) says nothing about which city: it counts for none. */
function cityOf(mention: Mention): string | null {
  const cities = new Set(mention.places.map((p) => p.city));
  return cities.size === 1 ? [...cities][0]! : null;
}

function topCity(mentions: readonly Mention[]): string | null {
  const scores = new Map<string, number>();
  for (const mention of mentions) {
    const city = cityOf(mention);
    if (city) scores.set(city, (scores.get(city) ?? 0) + mention.weight);
  }
  return uniqueTop(scores);
}

function topDistrict(mentions: readonly Mention[], city: string): string | null {
  const counts = new Map<string, number>();
  for (const mention of mentions) {
    const place = mention.places.find((p) => p.city === city && p.district !== null);
    if (place?.district) counts.set(place.district.name, (counts.get(place.district.name) ?? 0) + 1);
  }
  return uniqueTop(counts);
}

function hasProvinceWord(texts: readonly string[]): boolean {
  return texts.some((t) => PROVINCE_WORDS.some((w) => t.includes(w)));
}

export function findRegion(input: RegionInput): Region {
  const headline = [input.title, input.subtitle ?? ''];
  const headlineMentions = headline.flatMap((t) => findPlaceMentions(t, HEADLINE_MENTION_WEIGHT));
  const leadMentions = findPlaceMentions(input.paragraphs[0] ?? '', BODY_MENTION_WEIGHT);
  const restMentions = input.paragraphs.slice(1).flatMap((p) => findPlaceMentions(p, BODY_MENTION_WEIGHT));
  const allMentions = [...headlineMentions, ...leadMentions, ...restMentions];
  const city = topCity(allMentions);
  const district = city ? topDistrict([...headlineMentions, ...leadMentions], city) : null;
  const inJiangsu = allMentions.some((m) => cityOf(m) !== null) || hasProvinceWord([...headline, ...input.paragraphs]);
  return { province: inJiangsu ? JIANGSU_REGIONS.province.short : null, city, district };
}
