/**
 * Site hints arrive in the context (PageContext.site, from the sources registry): the body selector is the body
 * cascade's first layer and the site name fills in only when the page names itself nowhere. Without hints the
 * generic path answers. Expected values written by hand from the pages below.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lambdas/normalize/index.js';

const A = [
  '一年之计在于春。2月19日,南京江北新区召开动员大会,动员新区上下开年即开工、开工即冲刺,全力以赴拼经济、促发展。',
  '会议以视频形式召开,各相关单位设分会场。会议强调,要把握新区发展的新形势新任务,奋力开创高质量发展新局面。',
  '会议指出,过去一年,新区经济运行稳中有进,产业项目建设取得新突破,营商环境持续优化,民生福祉不断增进。',
];
const B = [
  '镇江市召开项目攻坚暨产业强市大会,全面部署今年重点项目建设工作,推动产业转型升级,为高质量发展注入动能。',
  '大会要求,各地各部门要以项目论英雄、以实绩论成败,确保全年目标任务圆满完成,奋力谱写现代化建设新篇章。',
  '会上,市领导为重大产业项目代表颁发证书,并对全市项目攻坚工作进行再动员、再部署,要求各地抓紧抓实各项工作。',
  '会议强调,要聚焦主导产业,强化招商引资,优化营商环境,加快推进一批打基础、利长远、增后劲的重大项目落地见效。',
  '据介绍,今年全市共安排重点产业项目两百余个,涵盖高端装备、新材料、新能源、生物医药等多个领域,总投资规模创历年新高。',
  '与会人员表示,将以此次大会为契机,进一步增强责任感和紧迫感,全力以赴推动项目早开工、早投产、早见效。',
];

/** Two containers: scoring starts from the longer, "content"-classed one (A) and joins its link-poor sibling (B);
 * the hint's selector names B alone (more than RETRY_BELOW_CHARS, so the profile layer's answer stands). */
const PAGE = new TextEncoder().encode(`<html><head><meta charset="utf-8"><title>动员大会</title></head><body>
<h1>南京江北新区召开动员大会</h1>
<div class="content">${A.map((p) => `<p>${p}</p>`).join('')}</div>
<div class="TRS_Editor">${B.map((p) => `<p>${p}</p>`).join('')}</div>
</body></html>`);

describe('site hints through the context', () => {
  it('without hints: the generic cascade reads both containers and the page has no site name', () => {
    const r = normalize(PAGE, {});
    expect(r.paragraphs).toEqual([...A, ...B]);
    expect(r.site.name).toBeNull();
  });

  it('with hints: the body selector picks its container and the hint names the site', () => {
    const r = normalize(PAGE, { site: { bodySelector: '.TRS_Editor', siteName: '中国江苏网' } });
    expect(r.paragraphs).toEqual(B);
    expect(r.site.name).toBe('中国江苏网');
  });

  it('a stale selector falls back to the generic cascade, with a warning', () => {
    const r = normalize(PAGE, { site: { bodySelector: '.no-such-container' } });
    expect(r.paragraphs).toEqual([...A, ...B]);
    expect(r.quality.warnings).toContain('profile selector ".no-such-container" matched 0 chars; used generic extraction');
  });

  it('the page\'s own name wins over the hint', () => {
    const named = new TextEncoder().encode(new TextDecoder().decode(PAGE).replace('<title>', '<meta property="og:site_name" content="我爱江苏网"><title>'));
    expect(normalize(named, { site: { siteName: '中国江苏网' } }).site.name).toBe('我爱江苏网');
  });
});
