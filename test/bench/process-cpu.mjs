// Preloaded (`node --import`) into each whole-process contender of `npm run bench:speed`: at exit, writes the process's
// CPU time (user + system, ms, every thread) and its main thread's (ms, from /proc/thread-self/schedstat; null where
// there is none) as JSON to the file named by JSNEWS_BENCH_CPU_FILE. Both contenders get the same preload.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.JSNEWS_BENCH_CPU_FILE;

/** The main thread's own CPU time: schedstat's first field is its time on a processor, in nanoseconds (Linux). */
function mainThreadCpuMs() {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

if (file) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, mainThreadCpuMs: mainThreadCpuMs() }));
  });
}
