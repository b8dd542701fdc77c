#!/usr/bin/env node
/**
 * Keeps `workers` cores busy (one busy-looping worker thread each) for .ci/loaded-pass.sh when
 * stress-ng cannot be installed. Usage: node .ci/cpu-burner.js <workers> <max-seconds> <parent-pid>
 * It stops on SIGTERM, after max-seconds, or as soon as the parent pid is gone, so a CI run killed
 * hard never leaves it burning.
 */
const { Worker, isMainThread } = require('node:worker_threads');

if (!isMainThread) {
  for (;;) Math.sqrt(Math.random());
}

const [workers = '2', maxSeconds = '3600', parentPid = String(process.ppid)] = process.argv.slice(2);
const threads = Array.from({ length: Number(workers) }, () => new Worker(__filename));
const stop = () => {
  for (const thread of threads) void thread.terminate();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, Number(maxSeconds) * 1000);
setInterval(() => {
  try {
    process.kill(Number(parentPid), 0);
  } catch {
    stop();
  }
}, 1000);
