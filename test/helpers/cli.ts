/** Runs the real `jsnews` bin (the built CLI) in a child process, with its own data directory. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './seed-expectations.js';

export const BIN = join(REPO_ROOT, 'bin/jsnews.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a local-store CLI run: no AWS variables, the given data directory. */
export function cliEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JSNEWS_HOME: home, ...extra };
  for (const k of ['JSNEWS_TABLE', 'JSNEWS_BUCKET', 'AWS_REGION', 'JSNEWS_LOCAL_DIR']) if (!(k in extra)) delete env[k];
  return env;
}

export function jsnewsSync(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeout?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Async variant (does not block the test worker while a long command runs). */
export function jsnews(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
