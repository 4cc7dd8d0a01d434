// Preloaded (`node --import`) into each whole-process contender of `npm run bench:speed`: at exit, writes the process's
// CPU time (user + system, ms) to the file named by JSNEWS_BENCH_CPU_FILE. Both contenders get the same preload.
import { writeFileSync } from 'node:fs';

const file = process.env.JSNEWS_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    writeFileSync(file, String((cpu.user + cpu.system) / 1000));
  });
}
