/**
 * Issue 9 class 8, image galleries (an image set is not an article): on small pages written for the test, a gallery
 * viewer holding the headline, a row of images and one caption, with a comment stream under it (the stream must not
 * become the record); and the articles that must stay articles: a story with an embedded slideshow outside its
 * headline's box, and a story whose headline, text and photos share one "slide"-classed wrapper.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';
import { ErrorCode } from '../../../../lambdas/contract/errors.js';
import { errorCodeOf } from '../../../helpers/normalize-outcome.js';

function page(head: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}
const images = (n: number) => Array.from({ length: n }, (_, i) => `<li class="item"><img src="/img/${i}.jpg" alt=""></li>`).join('');
const COMMENTS =
  '<div class="comments"><h3>全部评论</h3>' +
  ['风景真美，明年一定要去看看草原和骆驼。', '这里的牛羊肉确实便宜，就是冬天太冷了受不了。', '去过一次，路上开了整整一天都没有看见几户人家。', '蔬菜水果都靠进口，难怪价格那么贵，当地人也不容易。', '照片拍得很好，请问用的是什么相机和镜头？', '草原上的星空是我见过最美的，强烈推荐大家去。', '听说那边的孩子从小就会骑马，真是让人羡慕。', '物价不算低，但是人很热情，值得一去。']
    .map((c, i) => `<div class="comment"><span class="user">网友${i + 1}</span><p>${c}</p><span class="time">${i + 1}小时前</span></div>`)
    .join('') +
  '</div>';
const TITLE = '<title>草原之国：顿顿有肉吃，蔬菜却要靠进口</title>';
const PROSE =
  '<p>记者近日走访了草原上的几个牧业社区，当地牧民告诉记者，今年的降水比往年多，牧草长势良好，牛羊出栏量预计将有明显增长。</p>' +
  '<p>不过，由于冬季漫长、气温低，当地蔬菜种植十分困难，超市里的大部分蔬菜和水果都依靠邻国运输，价格是肉类的好几倍。</p>' +
  '<p>有关部门表示，将继续推广温室大棚种植技术，并与周边地区合作建设冷链物流设施，让牧民在冬天也能吃上新鲜实惠的蔬菜。</p>';

describe('image galleries (issue 9 class 8)', () => {
  it('refuses a gallery viewer that holds the headline, ten images and one caption', () => {
    const html = page(
      TITLE,
      `<div class="galleryBox"><div class="image-box"><ul>${images(10)}</ul></div><div class="info-box"><h2 class="title">草原之国：顿顿有肉吃，蔬菜却要靠进口</h2>` +
        `<div class="abstract"><em>1</em>/10 当全世界大部分国家都在想办法吸引游客的时候，这个草原之国却显得十分淡定。</div></div></div>${COMMENTS}`,
    );
    expect(errorCodeOf(html)).toBe(ErrorCode.NoArticle);
  });

  it('keeps an article with a slideshow outside its headline\'s box', () => {
    const html = page(TITLE, `<div class="article"><h1>草原之国：顿顿有肉吃，蔬菜却要靠进口</h1><div class="content">${PROSE}<div class="slideshow"><ul>${images(8)}</ul></div></div></div>${COMMENTS}`);
    expect(normalize(html).paragraphs.join('')).toContain('温室大棚');
  });

  it('keeps an article whose headline, text and photos share one slide-classed wrapper', () => {
    const html = page(TITLE, `<div class="slide-wrap"><h1>草原之国：顿顿有肉吃，蔬菜却要靠进口</h1><ul>${images(6)}</ul><div class="content">${PROSE}</div></div>${COMMENTS}`);
    expect(normalize(html).paragraphs.join('')).toContain('温室大棚');
  });
});
