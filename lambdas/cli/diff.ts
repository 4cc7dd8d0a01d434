/**
 * `jsnews diff ID [--from N --to M]`: a paragraph- and character-level diff of two versions of an
 * article (default: the last two), Chinese-aware (one token per Han character, numbers whole).
 */
import { z } from 'zod';
import { parseOptions, usageError, type CliCommand } from './framework.js';
import { addStoreOptions, PositiveInt, StoreFlags } from './store-options.js';

const Options = z.object({ ...StoreFlags, '--from': PositiveInt.optional(), '--to': PositiveInt.optional(), '--json': z.boolean().optional() });
const Hex64 = /^[0-9a-f]{64}$/;

export const command: CliCommand = {
  name: 'diff <id>',
  summary: 'diff two versions of a tracked article (paragraphs, then characters)',
  description:
    'Show what changed between two versions of an article (jsnews query --history ID lists them): paragraphs are aligned first; an edited paragraph shows its changes inline as [-removed-]{+added+}, one token per Han character and numbers whole. Lines: "  " unchanged (shortened), "~ " edited, "- " removed, "+ " added.',
  examples: ['jsnews diff 3f2a…e9 ', 'jsnews diff 3f2a…e9 --from 1 --to 2 --json'],
  configure(cmd) {
    cmd.option('--from <n>', 'older version (default: the one before --to)').option('--to <n>', 'newer version (default: the latest)').option('--json', 'the diff as JSON (paragraph operations and parts)');
    addStoreOptions(cmd, { inMemory: false });
  },
  async run(args, cmd) {
    const opts = parseOptions(Options, cmd);
    const id = args[0] ?? '';
    if (!Hex64.test(id)) throw usageError(`"${id}" is not a record id (64 hex)`);
    const [{ openCommandStores }, { createReader }] = await Promise.all([import('./open.js'), import('../read/index.js')]);
    const opened = await openCommandStores(opts);
    try {
      const diff = await createReader(opened.stores).diff(id, opts['--from'], opts['--to']);
      if (opts['--json']) process.stdout.write(`${JSON.stringify(diff)}\n`);
      else process.stdout.write(`version ${diff.from} → ${diff.to}\n${diff.text}\n`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};
