/**
 * `jsnews normalize` reads @node-rs/jieba's dictionary without its idf.txt. The segmenter (normalize/enrich/segmenter.ts)
 * takes `dict` from the package's `@node-rs/jieba/dict`, whose dict.js reads dict.txt (5.1 MB, the words) and idf.txt
 * (6.2 MB, TF-IDF keyword weights no part of jsnews asks for) as it is required: ~4.5 ms CPU and +6 MB RSS for idf.txt
 * in every process that tags a text (fresh processes, 2-core box; a run over the zh-cwced set does). The Lambda asset
 * ships idf.txt empty instead (lib/bundling.ts NATIVE_MODULE_UNUSED_FILES). The CLI, before anything requires it, puts
 * in Node's module cache a module with the same two exports, each read from the same file on first access: `dict` the
 * bytes dict.js gives, `idf` only if something ever asks. Only over the dict.js this was written against (its exact
 * text, JIEBA_DICT_JS): another version's module is left to load as itself. The pure core reads no file for it.
 */
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** @node-rs/jieba 2.0.3's dict.js, whole: what the stand-in does instead, lazily. */
export const JIEBA_DICT_JS = `const fs = require('fs')
const { join } = require('path')

module.exports.dict = fs.readFileSync(join(__dirname, 'dict.txt'))
module.exports.idf = fs.readFileSync(join(__dirname, 'idf.txt'))
`;

const DICT_MODULE = '@node-rs/jieba/dict';

/**
 * Registers the lazy `@node-rs/jieba/dict` for requires made with `from` (resolved as the segmenter resolves it: the
 * same directory). Returns whether it did: not when the package is missing, already loaded, or not the known dict.js.
 */
export function useLazySegmenterDict(from: NodeJS.Require, read: (file: string) => Buffer = (file) => readFileSync(file)): boolean {
  let file: string;
  try {
    file = from.resolve(DICT_MODULE);
    if (from.cache[file] || readFileSync(file, 'utf8') !== JIEBA_DICT_JS) return false;
  } catch {
    return false;
  }
  const dir = dirname(file);
  const lazyRead = (name: string): (() => Buffer) => {
    let bytes: Buffer | undefined;
    return () => (bytes ??= read(join(dir, name)));
  };
  const stand = new Module(file);
  stand.filename = file;
  stand.loaded = true;
  Object.defineProperties(stand.exports, {
    dict: { enumerable: true, get: lazyRead('dict.txt') },
    idf: { enumerable: true, get: lazyRead('idf.txt') },
  });
  from.cache[file] = stand;
  return true;
}
