#!/usr/bin/env node
// The `jsnews` command: runs the built CLI (dist/cli, made by `npm ci`/`npm install` through the
// `prepare` script, or `npm run build:cli`). No TypeScript is compiled at run time.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/jsnews.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('jsnews: the CLI is not built (dist/cli/jsnews.js is missing): run `npm run build:cli` (npm ci does it)\n');
  process.exit(1);
}
await import(entry.href);
