import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readProcessMemory, type ProcessMemory } from './process-memory';

/** The built server, exactly what `npm start` runs. */
const ENTRY = join(__dirname, '..', '..', 'src', 'index.js');
const READY_LINE = /"url":"([^"]+)".*"msg":"customer-signals-subgraph ready"/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
/** Only the tail of the server's output is kept: enough to explain a crash, bounded over a soak. */
const KEPT_OUTPUT_CHARS = 16_384;

export interface ServerProcess {
  /** e.g. http://127.0.0.1:40123/graphql */
  graphqlUrl: string;
  /** Its Prometheus endpoint, when METRICS_PORT was given (not 0). */
  metricsUrl?: string;
  pid: number;
  memory(): ProcessMemory;
  /** Last lines the server wrote, for error messages when it dies. */
  outputTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs` (default 15 s) if it has not exited: a wedged server still ends. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServerProcessOptions {
  env: Record<string, string>;
  /** When set, the server runs with --cpu-prof and writes its profile here on exit. */
  cpuProfileDir?: string;
}

/**
 * Runs the server as its own process, so its resident memory and CPU are its own and not the load
 * generator's or the simulators'. Only the given environment (plus PATH) reaches it.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const nodeFlags = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...nodeFlags, ENTRY], {
    env: { PATH: process.env.PATH ?? '', APOLLO_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Both pipes must be drained for the whole run: a full pipe would block the server's log writes.
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
  };
  child.stderr.on('data', keep);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const graphqlUrl = await new Promise<string>((resolve, reject) => {
    let startup: string | undefined = '';
    const timer = setTimeout(() => reject(new Error(`server not ready after ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (startup === undefined) return;
      startup += chunk.toString('utf8');
      const match = READY_LINE.exec(startup);
      if (match?.[1]) {
        startup = undefined;
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  const pid = child.pid as number;

  const metricsPort = options.env.METRICS_PORT;
  const metricsUrl = metricsPort && metricsPort !== '0' ? `http://${options.env.HOST ?? '127.0.0.1'}:${metricsPort}/metrics` : undefined;

  let stopping: Promise<void> | undefined;
  return {
    graphqlUrl,
    ...(metricsUrl ? { metricsUrl } : {}),
    pid,
    memory: () => readProcessMemory(pid),
    outputTail: () => output,
    stop(graceMs = STOP_TIMEOUT_MS) {
      stopping ??= (async () => {
        if (child.exitCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
