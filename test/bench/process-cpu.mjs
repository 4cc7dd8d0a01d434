// Preloaded (`node --import`) into each whole-process contender of `npm run bench:speed`: at exit, writes the process's
// CPU time (user + system, ms, every thread) and its main thread's (ms, from /proc/thread-self/schedstat; null where
// there is none) as JSON to the file named by JSNEWS_BENCH_CPU_FILE. Both contenders get the same preload.
// With JSNEWS_BENCH_SPLIT_LINES=N it also notes both when the process has written N lines to stdout (splitCpuMs,
// splitMainThreadCpuMs; null if it never did): `jsnews normalize` given the same files twice writes a line per input
// as it goes, so the rest is the cost of the second time over the same pages, in the same process.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.JSNEWS_BENCH_CPU_FILE;
const splitLines = Number(process.env.JSNEWS_BENCH_SPLIT_LINES ?? 0);

/** The main thread's own CPU time: schedstat's first field is its time on a processor, in nanoseconds (Linux). */
function mainThreadCpuMs() {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

const cpuMs = () => {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
};

if (file) {
  const split = { splitCpuMs: null, splitMainThreadCpuMs: null };
  if (splitLines > 0) {
    const write = process.stdout.write;
    let lines = 0;
    process.stdout.write = function countLines(chunk, ...rest) {
      if (split.splitCpuMs === null) {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
        for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
        if (lines >= splitLines) Object.assign(split, { splitCpuMs: cpuMs(), splitMainThreadCpuMs: mainThreadCpuMs() });
      }
      return write.call(this, chunk, ...rest);
    };
  }
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify({ cpuMs: cpuMs(), mainThreadCpuMs: mainThreadCpuMs(), ...split }));
  });
}
