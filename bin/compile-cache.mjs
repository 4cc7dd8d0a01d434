// A V8 code cache for the built CLI's CommonJS files (dist/cli/normalize.cjs, dist/cli/vendor/*.cjs): what Node 22's
// module.enableCompileCache() does, for Node 20, which has no such API (and gives no code cache to ES modules at all).
// A file required from `dir` is compiled with the code V8 made for it in an earlier process, when there is one, so
// its functions are not parsed and compiled again; a process that had none (or had it refused by V8: another Node or
// other V8 flags) writes one at exit, with every function compiled by then. The cache holds only the functions that
// had run: one written by a one-page process lacks most of what a 100-page process runs, so a process that ran much
// longer than the one that wrote the cache (REWRITE_CPU_FACTOR) writes it again. The cache changes what V8 compiles,
// never what the code computes.
//
// Where: $JSNEWS_COMPILE_CACHE (a directory; "off" for none), else $XDG_CACHE_HOME/jsnews/compile-cache, else
// ~/.cache/jsnews/compile-cache: a directory of the user's own, never a shared one such as /tmp (V8 trusts a code
// cache). One file per built file and build; a new build's file replaces the old build's. Any failure to read or write
// the cache only means compiling as usual.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';

/** The environment variable naming the cache directory, or "off". */
const CACHE_ENV = 'JSNEWS_COMPILE_CACHE';

/**
 * A process that used more than this many times the CPU of the one that wrote its cache writes the cache again (it ran
 * more code, so it compiled more functions). Writing costs ~18 ms CPU for dist/cli/normalize.cjs, so a cache is
 * rewritten a few times at most (one page, then ~4, ~16 pages' worth...), never by every process.
 */
const REWRITE_CPU_FACTOR = 4;

/** A cache file: the writer's CPU milliseconds (float64, little-endian), then V8's code cache. */
const HEADER_BYTES = 8;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function cacheDirectory() {
  const given = process.env[CACHE_ENV];
  if (given === 'off' || given === '0') return null;
  if (given) return given;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'jsnews', 'compile-cache');
}

const short = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * The cache file of `filename` as built now: named by its directory (two checkouts keep caches of their own), its
 * name, and what the file is (size, time, inode: a rebuild renames a new directory into place) and runs it (Node, V8
 * flags). V8 checks the flags and its version itself, and only the length of the source.
 */
function cacheFileOf(cacheDir, filename, flags) {
  const stat = statSync(filename);
  const prefix = `${short(dirname(filename))}-${basename(filename)}-`;
  return { prefix, file: join(cacheDir, `${prefix}${short([stat.size, stat.mtimeMs, stat.ino, process.version, process.arch, flags].join('\0'))}.bin`) };
}

/**
 * From now on, CommonJS files under `dir` are compiled with the code cache. `flags` are the V8 flags the process set
 * (part of the cache's name). `write: false` only reads the cache (a worker thread: its main thread writes it).
 * Returns false when there is no cache directory.
 */
export function enableCompileCache(dir, flags, { write = true } = {}) {
  const cacheDir = cacheDirectory();
  if (!cacheDir) return false;
  const root = dir.endsWith(sep) ? dir : dir + sep;
  const compile = Module.prototype._compile;
  const toWrite = [];
  Module.prototype._compile = function compileWithCache(content, filename, ...rest) {
    if (!filename.startsWith(root)) return compile.call(this, content, filename, ...rest);
    let cache = null;
    let cachedData;
    let writerCpuMs = 0;
    try {
      cache = cacheFileOf(cacheDir, filename, flags);
      const bytes = readFileSync(cache.file);
      if (bytes.length > HEADER_BYTES) {
        writerCpuMs = bytes.readDoubleLE(0);
        cachedData = bytes.subarray(HEADER_BYTES);
      }
    } catch {
      cachedData = undefined;
    }
    const script = new Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    if (cache && write) toWrite.push({ script, ...cache, rewriteAboveCpuMs: cachedData === undefined || script.cachedDataRejected ? 0 : writerCpuMs * REWRITE_CPU_FACTOR });
    const require = createRequire(filename);
    return script.runInThisContext({ displayErrors: true }).call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  process.once('exit', () => {
    const used = cpuMs();
    for (const { script, file, prefix, rewriteAboveCpuMs } of toWrite) if (used > rewriteAboveCpuMs) writeCache(cacheDir, script, file, prefix, used);
  });
  return true;
}

/** Writes the script's code cache (whole or not at all: a temporary file renamed) and drops older builds' files. */
function writeCache(cacheDir, script, file, prefix, writerCpuMs) {
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeDoubleLE(writerCpuMs, 0);
    writeFileSync(temporary, Buffer.concat([header, script.createCachedData()]), { mode: 0o600 });
    renameSync(temporary, file);
    for (const name of readdirSync(cacheDir)) {
      if (name.startsWith(prefix) && name.endsWith('.bin') && join(cacheDir, name) !== file) unlinkSync(join(cacheDir, name));
    }
  } catch {
    // No cache this time: the next process compiles as usual and tries again.
  }
}
