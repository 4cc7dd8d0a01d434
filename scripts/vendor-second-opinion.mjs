#!/usr/bin/env node
// The second opinion's libraries (lambdas/normalize/extract/second-opinion.ts require()s them on the few pages that
// ask: 3 of the 327 bench and seed inputs), each prebuilt with esbuild into one CommonJS file of its own, so that a
// process that never asks does not parse them, and one that asks reads one file instead of ~100. One build for both
// users:
//   - the CLI (scripts/build-cli.mjs): dist/cli/vendor/<name>.cjs, which the CLI's chunks require() by path;
//   - the fetch and normalize Lambdas (lib/bundling.ts keeps both packages external; the afterBundling hook runs
//     `node scripts/vendor-second-opinion.mjs OUTPUT_DIR`): OUTPUT_DIR/node_modules/<package>/index.cjs with a
//     package.json naming it, where the bundle's require('<package>') finds it.
// Not minified. The copies carry SOURCE_EDITS (below), which save work and change no answer: the CLI's and the
// tests' records are byte-identical (test/unit/second-opinion-vendor.test.ts asks both copies the same questions).
// Plain JavaScript so it runs before anything is compiled.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Package → the file name of its prebuilt copy. */
export const VENDORED = { linkedom: 'linkedom', '@mozilla/readability': 'readability' };

/**
 * Edits to linkedom's and Readability's source in the vendored copies: each saves work Readability pays for on every
 * page that asks, and leaves every answer as it was (records byte-identical with the unedited packages in node_modules,
 * which a source run loads when the CLI is not built). Each is the exact text it replaces, found once, or the build
 * fails (a package update must be looked at).
 * Measured against the unedited vendored copy (CPU ms, 80 interleaved passes in one process, load 12-15), linkedom's
 * parse plus Readability's, min/median: zh-cwced a6e8b739 15.8/27.6 -> 11.6/20.9, aeb 358cc4a0 4.4/6.1 -> 3.3/4.2, aeb
 * f105de6e 6.7/11.1 -> 5.2/7.2; loading the two files (a fresh process, 20 interleaved) 43.1/46.6 -> 27.4/31.2.
 * Then the tag-list matcher and the byline edit (60 passes, load 11-13): a6e8b739 11.1/20.1 -> 9.7/14.5; all edits
 * against the packages in node_modules: a6e8b739 16.9/32.3 -> 9.6/20.2, 358cc4a0 4.7/7.4 -> 3.4/4.5, f105de6e 7.7/11.9 -> 5.2/7.8.
 */
const SOURCE_EDITS = [
  {
    // Every node (element, text, comment) made a listener Map and a WeakMap entry for it in its constructor; the
    // parser makes thousands a page and Readability's retries and clones more, and the WeakMap's entries are GC work.
    // Nothing in the second opinion listens to DOM events: the Map is made on the first addEventListener instead, and
    // removeEventListener, like dispatch already did, reads a node without one as a node with no listeners.
    pkg: 'linkedom',
    file: 'cjs/interface/event-target.js',
    edits: [
      ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {\n  }'],
      ['  addEventListener(type, listener, options) {\n    const map = wm.get(this);', '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map)\n      wm.set(this, map = new Map);'],
      ['  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {', '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {'],
    ],
  },
  {
    // querySelector(All) compiled its selector string with css-select on every call; Readability asks the same few
    // strings ('script,noscript', 'h1,h2', ...) per node. A compiled matcher depends only on the string and the
    // document's case mode (and on the element for ':scope', not cached), so it is kept, at most MAX_COMPILED.
    // A list of lower-case tag names (all Readability asks) is matched without css-select, as css-select's compiled
    // list matches: an element whose adapter name (getName: lower-cased in an HTML document) is one of them.
    pkg: 'linkedom',
    file: 'cjs/shared/matches.js',
    edits: [
      [
        'const prepareMatch = (element, selectors) => CSSselect.compile(',
        [
          'const MAX_COMPILED = 256;',
          'const compiled = new Map;',
          'const TAG_LIST = /^[a-z][a-z0-9]*(?:,[a-z][a-z0-9]*)*$/;',
          'const prepareMatch = (element, selectors) => {',
          "  if (selectors.includes(':scope'))",
          '    return compileMatch(element, selectors);',
          '  if (TAG_LIST.test(selectors)) {',
          "    const names = new Set(selectors.split(','));",
          '    return candidate => isTag(candidate) && names.has(getName(candidate));',
          '  }',
          "  const key = (ignoreCase(element) ? 'html ' : 'xml ') + selectors;",
          '  let match = compiled.get(key);',
          '  if (!match) {',
          '    if (compiled.size >= MAX_COMPILED)',
          '      compiled.clear();',
          '    compiled.set(key, match = compileMatch(element, selectors));',
          '  }',
          '  return match;',
          '};',
          'const compileMatch = (element, selectors) => CSSselect.compile(',
        ].join('\n'),
      ],
    ],
  },
  {
    // getElementsByTagName upper-cased every element's name that was not the name asked (an HTML document matches
    // 'P' as 'p'). An upper-cased name has no letter a-z, so a name with one can only match as it is: Readability asks
    // 'p', 'img', 'a', ... and the upper-casing is skipped for those.
    pkg: 'linkedom',
    file: 'cjs/mixin/parent-node.js',
    edits: [
      [
        '    const elements = new NodeList;\n    let {[NEXT]: next, [END]: end} = this;\n    while (next !== end) {\n      if (next.nodeType === ELEMENT_NODE && (\n        next.localName === tagName ||\n        localCase(next) === tagName\n      ))',
        '    const elements = new NodeList;\n    const upper = !/[a-z]/.test(tagName);\n    let {[NEXT]: next, [END]: end} = this;\n    while (next !== end) {\n      if (next.nodeType === ELEMENT_NODE && (\n        next.localName === tagName ||\n        upper && localCase(next) === tagName\n      ))',
      ],
    ],
  },
  {
    // Every style.display or style.visibility read (Readability's visibility test, once per node) turned the property's
    // name into its CSS form with a regular expression; the few names are kept, at most MAX_NAMES.
    pkg: 'linkedom',
    file: 'cjs/interface/css-style-declaration.js',
    edits: [
      [
        "const uhyphen = (m => /* c8 ignore start */ m.__esModule ? m.default : m /* c8 ignore stop */)(require('uhyphen'));\n",
        [
          "const uhyphenOf = (m => /* c8 ignore start */ m.__esModule ? m.default : m /* c8 ignore stop */)(require('uhyphen'));",
          'const MAX_NAMES = 256;',
          'const hyphened = new Map;',
          'const uhyphen = name => {',
          '  let css = hyphened.get(name);',
          '  if (css === undefined) {',
          '    css = uhyphenOf(name);',
          '    if (hyphened.size >= MAX_NAMES)',
          '      hyphened.clear();',
          '    hyphened.set(name, css);',
          '  }',
          '  return css;',
          '};',
          '',
        ].join('\n'),
      ],
    ],
  },
  {
    // <style>'s sheet (cssomnom, 0.37 MB of the 0.93 MB bundle) was required when linkedom loaded; Readability never
    // reads a sheet (it removes <style>), so the require waits for the first .sheet read.
    pkg: 'linkedom',
    file: 'cjs/html/style-element.js',
    edits: [
      ["const {parse} = require('cssomnom/parse');\n", ''],
      ['    return this[SHEET] = parse(this.textContent);', "    return this[SHEET] = require('cssomnom/parse').parse(this.textContent);"],
    ],
  },
  {
    // Readability asks every node it walks whether it is a byline, and read the node's whole text (textContent, the
    // subtree) before the test that needs no text (rel, itemprop, the class and id words); the text is read after it
    // passes. Same boolean: the test's || chain ends in a RegExp test (true or false), and reading text changes nothing.
    pkg: '@mozilla/readability',
    file: 'Readability.js',
    edits: [
      [
        [
          '    var bylineLength = node.textContent.trim().length;',
          '',
          '    return (',
          '      (rel === "author" ||',
          '        (itemprop && itemprop.includes("author")) ||',
          '        this.REGEXPS.byline.test(matchString)) &&',
          '      !!bylineLength &&',
          '      bylineLength < 100',
          '    );',
        ].join('\n'),
        [
          '    if (',
          '      !(rel === "author" ||',
          '        (itemprop && itemprop.includes("author")) ||',
          '        this.REGEXPS.byline.test(matchString))',
          '    ) {',
          '      return false;',
          '    }',
          '    var bylineLength = node.textContent.trim().length;',
          '    return !!bylineLength && bylineLength < 100;',
        ].join('\n'),
      ],
    ],
  },
];

/** The esbuild plugin applying SOURCE_EDITS to the packages' files as they are bundled. */
const sourceEdits = {
  name: 'second-opinion-source-edits',
  setup(b) {
    const byFile = new Map(SOURCE_EDITS.map((e) => [join(root, 'node_modules', e.pkg, e.file), e.edits]));
    b.onLoad({ filter: /[\\/]node_modules[\\/](?:linkedom|@mozilla[\\/]readability)[\\/].*\.js$/ }, (args) => {
      const edits = byFile.get(args.path);
      if (!edits) return undefined;
      let contents = readFileSync(args.path, 'utf8');
      for (const [from, to] of edits) {
        const at = contents.indexOf(from);
        if (at < 0 || contents.indexOf(from, at + 1) >= 0) throw new Error(`${args.path}: the text to edit is not there exactly once (${JSON.stringify(from.slice(0, 60))}); look at the linkedom update`);
        contents = contents.slice(0, at) + to + contents.slice(at + from.length);
      }
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/** Builds `pkg` and everything it requires into the one CommonJS file `outfile`. */
export async function buildVendored(pkg, outfile) {
  await build({
    // Entered through require(), so the package resolves to the same (CommonJS) build the source's require() gets.
    stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, sourcefile: `${VENDORED[pkg]}-vendor.cjs` },
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [sourceEdits],
  });
}

/** Every VENDORED package as OUTPUT_DIR/node_modules/<package>/index.cjs + package.json (a Lambda asset's layout). */
export async function vendorIntoNodeModules(outputDir) {
  for (const pkg of Object.keys(VENDORED)) {
    const dir = join(outputDir, 'node_modules', pkg);
    mkdirSync(dir, { recursive: true });
    await buildVendored(pkg, join(dir, 'index.cjs'));
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: pkg, private: true, main: 'index.cjs' })}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outputDir = process.argv[2];
  if (!outputDir) {
    process.stderr.write('usage: vendor-second-opinion.mjs OUTPUT_DIR\n');
    process.exit(2);
  }
  await vendorIntoNodeModules(outputDir);
}
