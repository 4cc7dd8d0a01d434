import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';

const BODY = '<div class="content"><p>一年之计在于春。2月19日，南京江北新区召开四大行动动员大会，动员新区上下开年即开工、起步即冲刺。</p>' +
  '<p>推进中国式现代化是最大的政治，高质量发展是首要任务。近年来，南京江北新区大力推进“三区一平台”建设，拉框架、建平台、谋创新、优环境。</p></div>';

describe('JSON-LD', () => {
  it('is read even though scripts are removed before extraction', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: '南京江北新区召开四大行动动员大会', datePublished: '2024-02-20T09:49:00+08:00', author: { '@type': 'Person', name: '张三' }, publisher: { '@type': 'Organization', name: '中国江苏网' } };
    const html = `<html><head><title>x</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>${BODY}</body></html>`;
    const r = normalize(new TextEncoder().encode(html));
    expect(r).toMatchObject({ title: '南京江北新区召开四大行动动员大会', publishedAt: '2024-02-20T09:49:00+08:00', authors: ['张三'], site: { name: '中国江苏网' } });
    expect(r.published?.basis).toBe('meta');
    expect(r.text).not.toContain('NewsArticle');
  });

  it('broken JSON-LD is ignored, not fatal', () => {
    const html = `<html><head><script type="application/ld+json">{"@type": "NewsArticle", </script></head><body><h1>南京江北新区召开四大行动动员大会</h1>${BODY}</body></html>`;
    expect(normalize(new TextEncoder().encode(html)).title).toBe('南京江北新区召开四大行动动员大会');
  });
});
