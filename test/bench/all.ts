/**
 * `npm run bench`: accuracy, speed and, when their owners have added them to package.json, `bench:lambda` and
 * `bench:pipeline`, one after another, offline, within a 5-minute budget. Each step runs in its own process so one
 * step's memory does not skew the next one's figures. Exit status 1 if any step failed or the budget ran out.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from './datasets.js';

/** The whole bench must finish offline in this time (brief). */
export const TOTAL_BUDGET_MS = 5 * 60 * 1000;
/** Optional steps owned by other engineers, run only when package.json defines them. */
const OPTIONAL_SCRIPTS = ['bench:lambda', 'bench:pipeline'] as const;

interface Step {
  name: string;
  command: string;
  args: string[];
}

function steps(): Step[] {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const tsx = (file: string): Step => ({ name: file, command: process.execPath, args: ['--import', 'tsx', join(REPO_ROOT, 'test/bench', file)] });
  const optional = OPTIONAL_SCRIPTS.filter((s) => pkg.scripts?.[s]).map((s) => ({ name: s, command: 'npm', args: ['run', '--silent', s] }));
  const missing = OPTIONAL_SCRIPTS.filter((s) => !pkg.scripts?.[s]);
  if (missing.length) console.log(`(not defined in package.json, skipped: ${missing.join(', ')})`);
  return [tsx('accuracy.ts'), tsx('speed.ts'), ...optional];
}

function main(): void {
  const start = performance.now();
  const outcomes: { name: string; status: string; seconds: number }[] = [];
  for (const step of steps()) {
    const remaining = TOTAL_BUDGET_MS - (performance.now() - start);
    if (remaining <= 0) {
      outcomes.push({ name: step.name, status: 'skipped: budget spent', seconds: 0 });
      continue;
    }
    console.log(`\n######## ${step.name} ########`);
    const t0 = performance.now();
    const res = spawnSync(step.command, step.args, { cwd: REPO_ROOT, stdio: 'inherit', timeout: remaining, killSignal: 'SIGTERM' });
    const status = res.error ? `failed: ${res.error.message}` : res.status === 0 ? 'ok' : `failed: exit ${res.status ?? res.signal}`;
    outcomes.push({ name: step.name, status, seconds: Math.round((performance.now() - t0) / 100) / 10 });
  }
  const total = (performance.now() - start) / 1000;
  console.log('\n######## bench summary ########');
  for (const o of outcomes) console.log(`${o.name.padEnd(16)} ${o.status.padEnd(24)} ${o.seconds.toFixed(1)} s`);
  const overBudget = total * 1000 > TOTAL_BUDGET_MS;
  console.log(`total ${total.toFixed(1)} s (budget ${TOTAL_BUDGET_MS / 1000} s${overBudget ? ', EXCEEDED' : ''})`);
  if (overBudget || outcomes.some((o) => o.status !== 'ok')) process.exitCode = 1;
}

main();
