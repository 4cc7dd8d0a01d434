import { loadSet, readPageBytes } from './datasets.ts';
import { decodeBytes } from '../../lambdas/normalize/decode/charset.ts';
for (const name of ['zh-cwced','gne'] as const) { const set = loadSet(name);
for (const p of set.pages) { const d=decodeBytes(readPageBytes(p)); const fffd=(d.text.match(/\ufffd/g)??[]).length;
 console.log(name, p.id.slice(0,8), d.charset, d.source, d.declared, fffd, (p.truth?.url??'').slice(0,50)); } }
