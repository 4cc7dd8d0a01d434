#!/usr/bin/env node
/**
 * The `jsnews` command: the commander program over the commands in this folder (one file each, see
 * framework.ts). Command files are light; each loads its work only when it runs.
 */
import { silenceSdkNodeVersionWarning } from '../contract/config.js';
import { buildProgram, packageVersion, runProgram, type CliCommand } from './framework.js';
import { command as normalize } from './normalize.js';
import { command as run } from './run.js';
import { command as backfill } from './backfill.js';
import { command as reprocess } from './reprocess.js';
import { command as query } from './query.js';
import { command as local } from './local.js';
import { command as revisit } from './revisit.js';
import { command as diff } from './diff.js';
import { command as exportCommand } from './export.js';
import { command as sources } from './sources.js';

/** Every command, in the order `jsnews --help` lists them. Adding a command: one file + one line here. */
export const COMMANDS: readonly CliCommand[] = [normalize, run, backfill, reprocess, revisit, query, diff, exportCommand, sources, local];

silenceSdkNodeVersionWarning();
const status = await runProgram(buildProgram(COMMANDS, packageVersion()), process.argv.slice(2));
process.exitCode = status;
