/**
 * HAND-CURATED supplement to the generated division table (china-regions.json).
 *
 * Why: news names functional areas — state-level new areas, high-tech zones, development zones —
 * that the NBS division codes either do not list at all (南京江北新区, 镇江高新区) or list under a
 * name news rarely uses (新吴区 is usually 无锡高新区; X经济技术开发区 → X开发区 is a generated rule).
 * Sources: the areas' own government sites and the seeds; each entry says what it is.
 * Keep it small: an area belongs here only when Jiangsu news names it and the codes do not cover it.
 */

/** A functional area with no division code of its own. `city` is the city's short name. */
export interface NewArea {
  readonly city: string;
  readonly name: string;
  /** Other spellings news uses (≥ 2 chars, never a common word). */
  readonly forms: readonly string[];
  readonly note: string;
}

/** Extra spellings for an area the division codes already list (matched by `city` + `name`). */
export interface ExtraForms {
  readonly city: string;
  readonly name: string;
  readonly forms: readonly string[];
  readonly note: string;
}

export const NEW_AREAS: readonly NewArea[] = [
  { city: '南京', name: '江北新区', forms: ['南京江北新区'], note: 'state-level new area (2015), spans 浦口/六合 parts; has its own 党工委 and 管委会' },
  { city: '南京', name: '南京经济技术开发区', forms: ['南京经开区'], note: 'state-level development zone in 栖霞区' },
  { city: '南京', name: '南京高新区', forms: ['南京高新技术产业开发区'], note: 'state-level high-tech zone' },
  { city: '无锡', name: '无锡经济开发区', forms: ['无锡经开区'], note: 'development zone around 太湖新城' },
  { city: '常州', name: '常州经济开发区', forms: ['常州经开区'], note: 'development zone in the east of 武进/天宁' },
  { city: '苏州', name: '苏州高新区', forms: ['苏州国家高新区'], note: 'state-level high-tech zone, co-governed with 虎丘区' },
  { city: '连云港', name: '徐圩新区', forms: ['连云港徐圩新区'], note: 'petrochemical base, managed by its own committee' },
  { city: '盐城', name: '盐城高新区', forms: ['盐城高新技术产业开发区'], note: 'high-tech zone in 盐都区' },
  { city: '镇江', name: '镇江高新区', forms: ['镇江高新技术产业开发区'], note: 'high-tech zone; named as a sub-venue in seed 001' },
  { city: '镇江', name: '句容经开区', forms: ['句容经济开发区'], note: 'development zone of 句容市; speaks at the seed 001 meeting' },
  { city: '泰州', name: '泰州医药高新区', forms: ['中国医药城'], note: 'state-level high-tech zone, co-governed with 高港区' },
];

export const EXTRA_FORMS: readonly ExtraForms[] = [
  { city: '无锡', name: '新吴区', forms: ['无锡高新区', '无锡国家高新区'], note: '新吴区 and 无锡国家高新区 are one government (区政合一)' },
  { city: '常州', name: '新北区', forms: ['常州高新区', '常州国家高新区'], note: '新北区 and 常州国家高新区 are one government (区政合一)' },
  { city: '苏州', name: '苏州工业园区', forms: ['苏州园区'], note: 'the China–Singapore park; 园区 alone is a common word' },
];
