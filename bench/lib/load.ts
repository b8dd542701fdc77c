import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { LoadResult, LoadSpec, WorkerMessage } from './load-protocol';
import { routerSecretHeaders } from './router-secret';

export type { LoadBody, LoadResult, LoadSpec, MissOperations } from './load-protocol';

/** Slack on top of the planned run before the worker is presumed stuck and killed. */
const WORKER_GRACE_MS = 60_000;

/** Runs one autocannon load in a fresh worker process and answers its figures; every request carries the router secret. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const worker = fork(join(__dirname, 'load-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const plannedMs = (spec.durationSec ?? 0) * 1000 + (spec.amount !== undefined ? spec.timeoutSec * 1000 : 0);
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('load worker did not finish in time')), plannedMs + WORKER_GRACE_MS);
      worker.once('message', (message: WorkerMessage) => {
        clearTimeout(timer);
        if (message.kind === 'result') resolve(message.result);
        else reject(new Error(`load worker failed: ${message.message}`));
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`load worker exited with ${code} before answering`));
      });
      worker.send({ ...spec, headers: { ...spec.headers, ...routerSecretHeaders() } });
    });
  } finally {
    if (worker.exitCode === null) worker.kill();
  }
}
