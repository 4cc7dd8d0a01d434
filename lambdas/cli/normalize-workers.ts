/**
 * `jsnews normalize` over many page files on N threads (`--jobs N`): the main thread and N - 1 worker threads (each its
 * own normalizer, lambdas/cli/normalize-thread.ts) take the next input from one queue as they finish one, and the JSON
 * lines are written in input order, each as soon as every line before it is written. The output and the exit status
 * are those of one in-process run: each line is made by the same `outputLine` and `pageRecord` either way.
 *
 * Threads pay where processors are free: a cold process already keeps about two busy (its main thread, and V8's
 * compiler and GC threads), so the default (defaultJobs) leaves one processor to that and is 1, no threads, on a
 * 2-core machine. One input, and runs with stdin or URL inputs, stay in the main thread (the fetcher's per-host
 * politeness is one per process).
 */
import { availableParallelism } from 'node:os';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ErrorCode, JsnewsError, toJsnewsError } from '../contract/errors.js';
import { MAX_INPUT_BYTES } from '../normalize/decode/input-kind.js';
import type { NewsRecord, PageContext } from '../contract/record.js';
import type { SiteHints } from '../contract/record.js';

/** A page file to normalize, with the context a crawl would have had for it (command line or manifest). */
export interface FileInput {
  kind: 'file';
  /** The input as given: the `input` of its JSON line. */
  input: string;
  path: string;
  url: string | null;
  fetchedAt: string | null;
  charset: string | null;
}

/** One JSON line of output (with its newline) and whether it reports a failed input. */
export interface OutputLine {
  text: string;
  failed: boolean;
}

/**
 * The JSON line for one input: `{input, ...record}`, or `{input, error: {code, message}}` when making the record
 * threw. The one place both the in-process run and the workers make a line.
 */
export async function outputLine(input: string, record: () => Promise<NewsRecord> | NewsRecord): Promise<OutputLine> {
  try {
    return { text: `${JSON.stringify({ input, ...(await record()) })}\n`, failed: false };
  } catch (err) {
    return errorLine(input, err);
  }
}

function errorLine(input: string, err: unknown): OutputLine {
  const e = toJsnewsError(err);
  return { text: `${JSON.stringify({ input, error: { code: e.code, message: e.message } })}\n`, failed: true };
}

/** What makes a record of page bytes: the normalizer and the site hints for a URL (from the sources, loaded once). */
export interface PageDeps {
  normalize: (bytes: Uint8Array, ctx: PageContext) => NewsRecord;
  siteHints: (url: string) => SiteHints | null;
}

/** The record of a page file or stdin page: its bytes normalized with the context given for it. */
export function pageRecord(page: { url: string | null; fetchedAt: string | null; charset: string | null }, bytes: Uint8Array, fileName: string | undefined, deps: PageDeps): NewsRecord {
  const site = page.url ? deps.siteHints(page.url) : null;
  return deps.normalize(bytes, { url: page.url, fetchedAt: page.fetchedAt, charset: page.charset, site, fileName });
}

/** Reads a file, refusing before reading when it is over the normalizer's size limit (memory stays bounded). */
export function readInput(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new JsnewsError(ErrorCode.ReadFailed, `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, false, { cause: err });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new JsnewsError(ErrorCode.ReadFailed, `${file} is a directory`);
    if (stat.size > MAX_INPUT_BYTES) throw new JsnewsError(ErrorCode.InputTooLarge, `input is ${stat.size} bytes; the limit is ${MAX_INPUT_BYTES} bytes (16 MiB)`);
    const buf = Buffer.alloc(stat.size);
    let off = 0;
    while (off < stat.size) {
      const n = readSync(fd, buf, off, stat.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, off);
  } finally {
    closeSync(fd);
  }
}

/**
 * Processors a cold jsnews process keeps busy besides its main thread: V8 compiles optimised code and collects garbage
 * on background threads, about as much CPU as the main thread itself in a short run (69 zh-cwced pages: main ~1.0 s,
 * background ~1.0 s, per-thread CPU from /proc). On this 2-core machine two workers took ~40% more CPU than one
 * process and no less wall time (1.19 s vs 1.26 s median, load ~3), so that processor is left to them.
 */
const BACKGROUND_PROCESSORS = 1;

/** The default of `--jobs`: os.availableParallelism() less the processor V8's background threads use; 1 on 2 cores. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - BACKGROUND_PROCESSORS);
}

/**
 * Inputs each worker gets at least when `--jobs` is not given: a worker pays its own start-up and module loading
 * (~0.15 s before its first page) and its own cold first pages, which fewer pages than this do not win back.
 */
export const MIN_INPUTS_PER_WORKER = 8;

/**
 * How many workers normalize `inputs` file inputs: `--jobs` when given (at most one per input), else the default
 * with at least MIN_INPUTS_PER_WORKER inputs each. 1 means the main thread does it, with no worker.
 */
export function workerCount(jobs: number | undefined, inputs: number): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, inputs));
  return Math.max(1, Math.min(defaultJobs(), Math.floor(inputs / MIN_INPUTS_PER_WORKER)));
}

/** Inputs a worker holds at once: the one it works on and the next, so it never waits for the main thread. */
/** Inputs a worker holds at once: the one it works on and the next, so it never waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 2;

/** What the main thread tells a worker: its options once (workerData), then inputs by index. */
export interface WorkerSetup {
  /** `--sources FILE`, for the site hints of inputs with a URL. */
  sources: string | null;
}
export interface WorkerRequest {
  index: number;
  file: FileInput;
}
/** A worker's first message: its normalizer is loaded, inputs may come. */
export interface WorkerReady {
  ready: true;
}
export interface WorkerReply {
  index: number;
  line: OutputLine;
}

/**
 * Whether this is the built CLI (dist/cli), whose worker entry sits next to this module. Run from source (tsx), a
 * worker thread would not get tsx's loader for the .ts entry, so such a run stays in the main thread.
 */
export function workersBuilt(): boolean {
  return !import.meta.url.endsWith('.ts');
}

/**
 * The file a worker thread runs: the ES module build's entry next to this module unless the program was started
 * with another (useThreadEntry: bin/jsnews.mjs, which loads the CommonJS build through its code cache).
 */
let threadEntry: URL | null = null;

/** Makes `entry` the file worker threads start from (it must end in serveNormalizeThread). */
export function useThreadEntry(entry: URL): void {
  threadEntry = entry;
}

function workerEntry(): URL {
  return threadEntry ?? new URL('./normalize-workers-thread.js', import.meta.url);
}

/**
 * Normalizes `files` on `threads` threads: this one (through `here`, the in-process line maker) and `threads - 1`
 * workers, all taking the next input from one queue as they finish one; `write` gets the output in input order (whole
 * lines, as many as are ready at once). Resolves to the number of failed inputs. A worker gets inputs once it has
 * loaded its normalizer (the main thread has its own loaded sooner, and works meanwhile). A worker that stops (out of
 * memory, a crash) fails the input it was working on with an INTERNAL line; the others it held go back to the queue,
 * and to a new worker.
 */
export async function normalizeOnThreads(
  files: readonly FileInput[],
  threads: number,
  setup: WorkerSetup,
  here: (file: FileInput) => Promise<OutputLine>,
  write: (text: string) => void,
): Promise<number> {
  const lines: (OutputLine | undefined)[] = new Array(files.length);
  const queue: number[] = files.map((_, i) => i);
  let written = 0;
  let failed = 0;
  const running = new Set<Worker>();
  return new Promise<number>((resolve) => {
    const flush = (): void => {
      let text = '';
      while (written < files.length && lines[written] !== undefined) {
        const line = lines[written]!;
        if (line.failed) failed++;
        text += line.text;
        lines[written++] = undefined;
      }
      if (text) write(text);
      if (written === files.length) {
        for (const w of running) void w.terminate();
        running.clear();
        resolve(failed);
      }
    };
    const start = (): void => {
      const worker = new Worker(workerEntry(), { workerData: setup satisfies WorkerSetup });
      const held: number[] = [];
      let ready = false;
      running.add(worker);
      const feed = (): void => {
        while (ready && held.length < IN_FLIGHT_PER_WORKER && queue.length > 0) {
          const index = queue.shift()!;
          held.push(index);
          worker.postMessage({ index, file: files[index]! } satisfies WorkerRequest);
        }
      };
      worker.on('message', (reply: WorkerReply | WorkerReady) => {
        if ('ready' in reply) {
          ready = true;
        } else {
          held.splice(held.indexOf(reply.index), 1);
          lines[reply.index] = reply.line;
        }
        feed();
        flush();
      });
      let stopped: unknown = null;
      worker.on('error', (err) => (stopped = err));
      worker.on('exit', (code) => {
        if (!running.delete(worker)) return;
        const why = stopped instanceof Error ? stopped.message : `exit code ${code}`;
        // One that never got ready held no input: the other threads do its share (it is not started again).
        if (!ready) process.stderr.write(`jsnews normalize: a worker thread stopped before its first input (${why}): the other threads normalize its share\n`);
        if (held.length === 0) return;
        // The worker works on its inputs in the order it got them: the first one it held is the one it stopped on.
        const [lost, ...rest] = held;
        lines[lost!] = errorLine(files[lost!]!.input, new JsnewsError(ErrorCode.Internal, `the normalizer thread stopped on this input: ${why}`));
        queue.unshift(...rest);
        if (queue.length > 0) start();
        flush();
      });
    };
    // Between two inputs the main thread yields (setImmediate) so that the workers' lines are taken and they are fed.
    const workHere = async (): Promise<void> => {
      while (queue.length > 0) {
        const index = queue.shift()!;
        lines[index] = await here(files[index]!);
        flush();
        await new Promise<void>((next) => setImmediate(next));
      }
    };
    for (let i = 1; i < Math.min(threads, files.length); i++) start();
    void workHere();
  });
}
