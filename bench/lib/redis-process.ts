import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real redis-server processes for the tests and the bench (which may not import test/; tsconfig.build
 * builds bench/, so this lives here), from Debian's redis-server package (.ci/install-redis.sh). Each
 * binds 127.0.0.1 on a port the OS found free, keeps nothing on disk and is killed by its owner: the
 * machine's shared Redis on 6379 is never used, flushed or reconfigured.
 */

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? 'redis-server';
export const REDIS_CLI = process.env.REDIS_CLI_BIN ?? 'redis-cli';

/** Fails with a message naming the package when redis-server is not installed. */
export function assertRedisInstalled(): void {
  for (const bin of [REDIS_SERVER, REDIS_CLI]) {
    const probe = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      throw new Error(`${bin} not found: tests and bench need Debian's redis-server package (bash .ci/install-redis.sh)`);
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One redis-server on a free port. `stop()` kills it; `start()` again brings it back on the same port. */
export class RedisProcess {
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'signals-redis-'));

  private constructor(
    readonly port: number,
    private readonly extraArgs: readonly string[],
  ) {}

  static async start(extraArgs: readonly string[] = []): Promise<RedisProcess> {
    assertRedisInstalled();
    const redis = new RedisProcess(await freePort(), extraArgs);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = [
      '--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--dir', this.dir, '--protected-mode', 'no', ...this.extraArgs,
    ];
    const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          child.stdout?.off('data', onData);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`redis-server on ${this.port} exited (${code}): ${output.slice(-500)}`)));
    });
    child.stdout?.resume();
    child.stderr?.resume();
  }

  /** Kills the process (SIGKILL: a crash, not a shutdown) and waits for it to be gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** Runs redis-cli against this server; returns stdout. */
  cli(...args: string[]): string {
    const result = spawnSync(REDIS_CLI, ['-p', String(this.port), ...args], { encoding: 'buffer' });
    if (result.status !== 0) throw new Error(`redis-cli ${args[0]} failed: ${result.stderr.toString()}`);
    return result.stdout.toString('latin1');
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
