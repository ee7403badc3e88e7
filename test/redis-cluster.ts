import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './private-redis.js';

const run = promisify(execFile);

/** One node of the local cluster: its port and a plain connection to it (not a cluster client). */
export interface ClusterNode {
  port: number;
  redis: Redis;
}

export interface LocalRedisCluster {
  /** REDIS_URL of the cluster: `redis+cluster://` and every node as a seed. */
  url: string;
  nodes: ClusterNode[];
  /** The node serving `slot` as master right now. */
  masterOf(slot: number): Promise<ClusterNode>;
  /**
   * `CLUSTER FAILOVER` on a replica of the master serving `slot` (a manual, coordinated
   * failover: the replica catches up, then takes the master's slots); resolves once the replica
   * is the slot's master and the cluster is ok again.
   */
  failover(slot: number): Promise<{ from: number; to: number }>;
  /** Kills every node and removes the temporary directory (safe to call twice). */
  stop(): Promise<void>;
}

const MASTERS = 3;
const READY_TIMEOUT_MS = 20_000;

async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`local Redis Cluster: ${what} not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `role` of a node per its own INFO replication. */
async function roleOf(redis: Redis): Promise<string> {
  return /role:(\w+)/.exec(await redis.info('replication'))?.[1] ?? '?';
}

/**
 * A Redis Cluster of this test's own: 3 masters and 3 replicas (`redis-server --cluster-enabled
 * yes` on spare ports, no persistence), joined by `redis-cli --cluster create`, ready once every
 * node says `cluster_state:ok`. Whatever goes wrong on the way, what was started is stopped.
 */
export async function startRedisCluster(): Promise<LocalRedisCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'inbox-redis-cluster-'));
  const children: ChildProcess[] = [];
  const nodes: ClusterNode[] = [];
  const killAll = () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  // A test process that dies on its way out must not leave six servers behind.
  process.once('exit', killAll);
  let failed: Error | undefined;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    for (const node of nodes) node.redis.disconnect();
    const exits = children
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map((child) => once(child, 'exit'));
    killAll();
    await Promise.all(exits);
    process.removeListener('exit', killAll);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < MASTERS * 2; i++) {
      // The cluster bus gets a port of its own (a data port + 10000 may be out of range or taken).
      const [port, busPort] = [await freePort(), await freePort()];
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, `nodes-${port}.conf`),
          '--cluster-port',
          String(busPort),
          '--cluster-node-timeout',
          '3000',
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'no',
        ],
        { stdio: 'ignore' },
      );
      children.push(child);
      // No redis-server on this machine (Debian: apt-get install redis-server, Redis 7+): say so at once.
      child.once('error', (err) => (failed ??= err));
      const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1 });
      redis.on('error', () => undefined);
      nodes.push({ port, redis });
    }
    for (const node of nodes) {
      await until(`node ${node.port} answering`, async () => {
        if (failed) return true;
        if (node.redis.status === 'wait' || node.redis.status === 'end') await node.redis.connect();
        return (await node.redis.ping()) === 'PONG';
      });
    }
    if (failed) throw new Error(`local Redis Cluster: cannot start redis-server (${failed.message})`);
    await run(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...nodes.map((n) => `127.0.0.1:${n.port}`),
        '--cluster-replicas',
        '1',
        '--cluster-yes',
      ],
      { timeout: READY_TIMEOUT_MS },
    );
    await until('cluster_state:ok on every node', async () => {
      for (const node of nodes) {
        const info = await node.redis.cluster('INFO');
        if (!info.includes('cluster_state:ok') || !info.includes(`cluster_known_nodes:${nodes.length}`))
          return false;
      }
      // Every replica is attached and in sync with its master.
      for (const node of nodes) {
        if (
          (await roleOf(node.redis)) === 'slave' &&
          !/master_link_status:up/.test(await node.redis.info('replication'))
        )
          return false;
      }
      return true;
    });
  } catch (err) {
    await stop();
    throw err;
  }

  const byPort = (port: number) => nodes.find((n) => n.port === port)!;
  const masterOf = async (slot: number): Promise<ClusterNode> => {
    const slots = (await nodes[0]!.redis.cluster('SLOTS')) as unknown as Array<
      [number, number, [string, number, ...unknown[]], ...unknown[]]
    >;
    const range = slots.find(([from, to]) => slot >= from && slot <= to);
    if (!range) throw new Error(`slot ${slot} has no master`);
    return byPort(range[2][1]);
  };
  return {
    url: `redis+cluster://${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}`,
    nodes,
    masterOf,
    async failover(slot) {
      const master = await masterOf(slot);
      const myId = (await master.redis.cluster('MYID')) as string;
      const replicaLines = ((await master.redis.cluster('REPLICAS', myId)) as string[]).map((line) =>
        line.split(' '),
      );
      const replicaPort = Number(replicaLines[0]![1]!.split('@')[0]!.split(':')[1]);
      const replica = byPort(replicaPort);
      await replica.redis.cluster('FAILOVER');
      await until('the replica promoted', async () => (await roleOf(replica.redis)) === 'master');
      await until('the slot served by the promoted replica everywhere', async () => {
        for (const node of nodes) {
          const slots = (await node.redis.cluster('SLOTS')) as unknown as Array<
            [number, number, [string, number]]
          >;
          const range = slots.find(([from, to]) => slot >= from && slot <= to);
          if (range?.[2][1] !== replicaPort) return false;
          if (!(await node.redis.cluster('INFO')).includes('cluster_state:ok')) return false;
        }
        return true;
      });
      return { from: master.port, to: replica.port };
    },
    stop,
  };
}
