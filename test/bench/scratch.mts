import { loadSet, readPageBytes } from './datasets.ts';
import { decodeBytes } from '../../lambdas/normalize/decode/charset.ts';
import { extractFromHtml } from '@extractus/article-extractor';
const set = loadSet('zh-cwced');
for (const p of set.pages.slice(0,6)) { const d=decodeBytes(readPageBytes(p)).text; const t0=performance.now();
 const a = await extractFromHtml(d, p.truth?.url ?? 'http://localhost/'); console.log(p.id.slice(0,8), p.truth?.url?.slice(0,40), (performance.now()-t0).toFixed(0), a ? a.content?.length : null, a?.published, a?.author); }
