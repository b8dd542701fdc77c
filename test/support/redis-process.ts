import { spawnSync } from 'node:child_process';
import { REDIS_CLI, RedisProcess } from '../../bench/lib/redis-process';

// One RedisProcess for tests and bench: the bench is built by tsconfig.build and may not import test/.
export { assertRedisInstalled, freePort, RedisProcess } from '../../bench/lib/redis-process';

/** A Redis Cluster of `masters` redis-server processes (no replicas), created with `redis-cli --cluster create`. */
export class RedisCluster {
  private constructor(readonly nodes: readonly RedisProcess[]) {}

  static async start(masters = 3): Promise<RedisCluster> {
    const nodes: RedisProcess[] = [];
    for (let i = 0; i < masters; i += 1) {
      nodes.push(await RedisProcess.start(['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${i}.conf`, '--cluster-node-timeout', '2000']));
    }
    const create = spawnSync(
      REDIS_CLI,
      ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes'],
      { encoding: 'utf8' },
    );
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    const cluster = new RedisCluster(nodes);
    await cluster.waitUntilOk();
    return cluster;
  }

  /** Seed URL list, as REDIS_URL takes it for a cluster (comma-separated). */
  get url(): string {
    return this.nodes.map((n) => n.url).join(',');
  }

  private async waitUntilOk(): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      if (this.nodes.every((n) => n.cli('cluster', 'info').includes('cluster_state:ok'))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('redis cluster did not reach cluster_state:ok');
  }

  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.destroy()));
  }
}
