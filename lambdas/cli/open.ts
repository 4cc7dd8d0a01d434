/**
 * The stores a command asks for (`--home`, `--in-memory`), loaded only when a store command runs:
 * the configuration, and opening the stores (running ones when `jsnews local start` left them up).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, type AppConfig } from '../contract/config.js';
import { openStores, type OpenStores } from '../dev/open-stores.js';

/** The configuration for a command: `--home` (made absolute) over JSNEWS_HOME over the XDG default. */
export function commandConfig(flags: { '--home'?: string }): AppConfig {
  const config = loadConfig(process.env, flags['--home'] ? { home: resolve(flags['--home']) } : {});
  return { ...config, home: config.home ? resolve(config.home) : config.home, localDataDir: config.localDataDir ? resolve(config.localDataDir) : '' };
}

/**
 * Opens the stores for a command. Local on-disk stores say where they are when this run creates
 * them, so a first run is never silently writing somewhere unexpected.
 */
export async function openCommandStores(flags: { '--home'?: string; '--in-memory'?: boolean }): Promise<OpenStores> {
  const config = commandConfig(flags);
  const inMemory = flags['--in-memory'] === true;
  const creating = config.mode === 'local' && !inMemory && !existsSync(config.localDataDir);
  const opened = await openStores(config, { inMemory });
  if (creating) process.stderr.write(`jsnews: created local stores in ${config.localDataDir} (set JSNEWS_HOME or pass --home DIR for another place)\n`);
  return opened;
}

