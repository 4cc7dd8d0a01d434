import { startTestStores } from './test/helpers/local-stores.js';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
const env = await startTestStores();
const s = await env.freshStores();
for (const k of ['fetches/a/2024-01-01/x.json', 'fetches/b/2024-01-02/y.json']) await env.clients.s3.send(new PutObjectCommand({ Bucket: s.bucketName, Key: k, Body: '{}' }));
const out = await env.clients.s3.send(new ListObjectsV2Command({ Bucket: s.bucketName, Prefix: 'fetches/', Delimiter: '/' }));
console.log(JSON.stringify({ cp: out.CommonPrefixes, c: out.Contents?.map(c => c.Key), t: out.IsTruncated, kc: out.KeyCount }));
await env.stop();
