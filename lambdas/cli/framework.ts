/**
 * The CLI framework (commander): one `CliCommand` per file in lambdas/cli/, registered in jsnews.ts.
 * A command file imports only light modules (commander, zod, contract/) at the top and loads its
 * work (pipeline, stores, normalizer) with `await import()` inside `run`, so `jsnews normalize`
 * never loads the AWS SDK and `jsnews --help` loads neither.
 *
 * Conventions every command gets from here:
 * - `--help` with the options, a description and examples; `jsnews --version`.
 * - Options are validated with zod through contract/zod-issues.ts parseInput, keyed by their flag
 *   (`--from`), so a problem reads `invalid option: --from: must be a day YYYY-MM-DD`.
 * - Errors print one line `jsnews <command>: CODE: message` on stderr; exit 2 for usage errors
 *   (unknown option, bad value, missing argument: INVALID_ARGUMENT), 1 for work that failed, 0 otherwise.
 *
 * Adding a command: write lambdas/cli/<name>.ts exporting `command: CliCommand`, add it to COMMANDS in jsnews.ts.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { z } from 'zod';
import { ErrorCode, JsnewsError, toJsnewsError } from '../contract/errors.js';
import { parseInput } from '../contract/zod-issues.js';
import { debugFromEnv } from '../contract/config.js';

/** Exit status for a usage error (bad option or argument): the POSIX/commander convention for misuse. */
export const EXIT_USAGE = 2;
/** Exit status for work that failed (a store error, every source failing, an input that failed). */
export const EXIT_FAILED = 1;

export interface CliCommand {
  /** `name` or `name <arg>` / `name [args...]` (commander syntax). */
  name: string;
  /** One line for `jsnews --help`. */
  summary: string;
  /** Longer text for `jsnews <name> --help`: one paragraph, wrapped by the help formatter. */
  description?: string;
  /** Text printed verbatim after the options (tables of output columns and the like). */
  details?: string;
  /** `jsnews ...` lines shown under "Examples:" in the command's help. */
  examples: string[];
  /** Declares options (and subcommands for a command group such as `local`). */
  configure(cmd: Command): void;
  /** The work: positional arguments and the command; returns the exit status. Absent for a command group. */
  run?(args: string[], cmd: Command): Promise<number>;
}

/** The option values of a command keyed by their long flag (`--in-memory`), for zod validation. */
export function flagValues(cmd: Command): Record<string, unknown> {
  const values = cmd.opts();
  const out: Record<string, unknown> = {};
  for (const opt of cmd.options as Option[]) {
    const key = opt.long ?? opt.short;
    const value = values[opt.attributeName()];
    if (key && value !== undefined) out[key] = value;
  }
  // Options declared on a parent group (e.g. `--home` on `local`) apply to its subcommands too.
  if (cmd.parent && cmd.parent.parent) Object.assign(out, { ...flagValues(cmd.parent), ...out });
  return out;
}

/** Validates a command's options with `schema` (keys are long flags); InvalidArgument (exit 2) on a problem. */
export function parseOptions<T extends z.ZodTypeAny>(schema: T, cmd: Command): z.infer<T> {
  return parseInput(schema, flagValues(cmd), 'option');
}

export function usageError(message: string): JsnewsError {
  return new JsnewsError(ErrorCode.InvalidArgument, message);
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Writes `jsnews <cmd>: CODE: message` and returns the exit status for the error. */
export function reportError(cmd: Command, err: unknown): number {
  const e = toJsnewsError(err);
  const usage = e.code === ErrorCode.InvalidArgument;
  const hint = usage ? ` (see ${commandPath(cmd)} --help)` : '';
  process.stderr.write(`${commandPath(cmd)}: ${e.code}: ${e.message}${hint}\n`);
  if (!usage && debugFromEnv() && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return usage ? EXIT_USAGE : EXIT_FAILED;
}

function configureCommon(cmd: Command): Command {
  return cmd
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({
      // Commander's own parse errors ("error: unknown option '--x'") in the one error-line form.
      outputError: (str, write) => write(`${commandPath(cmd)}: ${ErrorCode.InvalidArgument}: ${str.replace(/^error: /, '').trim()} (see ${commandPath(cmd)} --help)\n`),
    });
}

function addCommand(parent: Command, def: CliCommand): void {
  const cmd = configureCommon(new Command(def.name.split(' ')[0]));
  const argSpec = def.name.split(' ').slice(1);
  for (const a of argSpec) cmd.argument(a);
  cmd.summary(def.summary).description(def.description ?? def.summary);
  def.configure(cmd);
  if (def.details) cmd.addHelpText('after', `\n${def.details}`);
  if (def.examples.length) cmd.addHelpText('after', `\nExamples:\n${def.examples.map((e) => `  ${e}`).join('\n')}\n`);
  if (def.run) {
    const run = def.run;
    cmd.action(async (...actionArgs: unknown[]) => {
      const self = actionArgs[actionArgs.length - 1] as Command;
      const positional = self.args;
      try {
        process.exitCode = await run(positional, self);
      } catch (err) {
        process.exitCode = reportError(self, err);
      }
    });
  }
  parent.addCommand(cmd);
}

/** Registers a subcommand of a command group (`jsnews local start`), with the same conventions. */
export function addSubcommand(group: Command, def: CliCommand): void {
  addCommand(group, def);
}

export function buildProgram(commands: readonly CliCommand[], version: string): Command {
  const program = configureCommon(new Command('jsnews'))
    .version(`jsnews ${version}`, '-V, --version', 'print the version and exit')
    .description('Scrape, normalize, store and query Chinese regional news. Run `jsnews <command> --help` for a command.')
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText(
      'after',
      '\nExit status: 0 done, 1 work failed (an input, a store, every source), 2 usage error.\n' +
        'Stores: AWS when JSNEWS_TABLE, JSNEWS_BUCKET and AWS_REGION are set; else local stores under the data directory.\n',
    );
  for (const def of commands) addCommand(program, def);
  return program;
}

/** The package version; this file sits two levels below the package root as source and as built JS (dist/cli/). */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Parses argv and runs the command; resolves to the exit status. */
export async function runProgram(program: Command, argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      // `jsnews` alone prints the help on stderr: a usage error.
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    return reportError(program, err);
  }
}
