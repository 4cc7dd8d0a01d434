/**
 * The house rules in eslint.config.js must bite: each folder's rule is tried on a file that breaks it and on one that
 * keeps it, so a typo in a glob or a pattern (which would silently allow everything) fails here.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.message);
}

describe('house rules (eslint.config.js)', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['lambdas/normalize/extract/x.ts', "import { S3Client } from '@aws-sdk/client-s3';", /only lambdas\/store\/ imports the AWS SDK/],
    ['lambdas/normalize/extract/x.ts', "import { request } from 'undici';", /does no I\/O/],
    ['lambdas/normalize/enrich/x.ts', "import { readFileSync } from 'node:fs';", /does no I\/O/],
    ['lambdas/normalize/extract/x.ts', "import { ingestUrl } from '../../pipeline/ingest.js';", /imports only contract\//],
    ['lambdas/normalize/x.ts', 'export const level = process.env.LEVEL;', /lambdas\/contract\/config\.ts/],
    ['lambdas/normalize/parse/x.ts', "import { chooseTitle } from '../extract/title.js';", /parse\/ builds the DOM only/],
    ['lambdas/normalize/clean/x.ts', "import { parsePage } from '../parse/page-index.js';", /leaves/],
    ['lambdas/contract/x.ts', "import { normalize } from '../normalize/index.js';", /contract\/ imports nothing else/],
    ['lambdas/contract/x.ts', "import * as cheerio from 'cheerio';", /only zod and node:crypto/],
    ['lambdas/pipeline/x.ts', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';", /only lambdas\/store\//],
    ['lambdas/pipeline/x.ts', "import { handler } from '../handlers/fetch.js';", /never the reverse/],
    ['lambdas/handlers/x.ts', "import { startLocalStores } from '../dev/local-stores.js';", /never import the CLI or the local dev stores/],
    ['lambdas/store/x.ts', "import { normalize } from '../normalize/index.js';", /store\/ imports contract\/ only/],
    ['lambdas/sites/x.ts', "import { createS3Archive } from '../store/archive-s3.js';", /sites\/ imports only contract\//],
    ['lib/constructs/x.ts', "import { createS3Archive } from '../../lambdas/store/archive-s3.js';", /lib\/ imports only/],
    ['lambdas/discover/x.ts', "import { normalize } from '../normalize/index.js';", /normalizer's parser \(normalize\/parse\/\) only/],
    ['lambdas/discover/x.ts', "import { findArticleBody } from '../normalize/extract/body.js';", /normalizer's parser \(normalize\/parse\/\) only/],
    ['lambdas/discover/x.ts', "import * as cheerio from 'cheerio';", /one HTML parser/],
    ['lambdas/normalize/parse/x.ts', "import * as cheerio from 'cheerio';", /one HTML parser/],
    ['lambdas/normalize/extract/x.ts', "import { parse } from 'parse5';", /one HTML parser/],
  ];
  for (const [file, code, message] of cases) {
    it(`refuses in ${file}: ${code}`, async () => {
      const errors = await errorsOf(file, code);
      expect(errors.some((e) => message.test(e)), errors.join(' | ') || 'no error reported').toBe(true);
    });
  }

  const allowed: Array<[string, string]> = [
    ['lambdas/normalize/extract/x.ts', "import { ErrorCode } from '../../contract/errors.js';"],
    ['lambdas/normalize/extract/x.ts', "import { cleanText } from '../clean/text.js';"],
    ['lambdas/contract/x.ts', "import { z } from 'zod';\nimport { createHash } from 'node:crypto';\nimport { sha256Hex } from './hashing.js';"],
    ['lambdas/store/x.ts', "import { S3Client } from '@aws-sdk/client-s3';\nimport { keys } from '../contract/table-design.js';"],
    ['lambdas/pipeline/x.ts', "import { normalize } from '../normalize/index.js';\nimport type { Archive } from '../store/ports.js';"],
    ['lambdas/discover/x.ts', "import { guardHtml, parseDom } from '../normalize/parse/parse-page.js';\nimport * as cheerio from 'cheerio/slim';"],
    ['lib/constructs/x.ts', "import { tableDefinition } from '../../lambdas/contract/table-design.js';\nimport { loadSources } from '../../lambdas/sites/index.js';"],
  ];
  for (const [file, code] of allowed) {
    it(`allows in ${file}: ${code.split('\n')[0]}`, async () => {
      expect(await errorsOf(file, code)).toEqual([]);
    });
  }
});
