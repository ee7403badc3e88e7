import { execFile } from 'node:child_process';
import { appendFile, readFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

/**
 * How the drill runs the PostgreSQL binaries: from `bin`, as `osUser` when the drill itself runs
 * as root (initdb and postgres refuse to run as root), else as the current user.
 */
export interface ServerTools {
  bin: string;
  osUser: string | null;
}

/** Runs a program as the server's OS user; resolves its stdout, rejects with its stderr's last lines. */
export function runAsServerUser(tools: ServerTools, program: string, args: string[], cwd: string) {
  const [file, argv] = tools.osUser
    ? ['runuser', ['-u', tools.osUser, '--', program, ...args]]
    : [program, args];
  return new Promise<string>((resolve, reject) => {
    execFile(file, argv, { cwd, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const tail = `${stdout}${stderr}`.trim().split('\n').slice(-15).join('\n');
      reject(new Error(`${program.split('/').at(-1)} ${args.join(' ')} failed: ${tail}`));
    });
  });
}

/** A TCP port nothing listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL cluster of the drill's own: a data directory under the drill's work directory, on a
 * spare loopback port, its socket in the work directory (never /var/run/postgresql), stopped by
 * the drill (and by the wrapper's trap if the drill dies).
 */
export class ThrowawayCluster {
  private started = false;

  constructor(
    readonly name: string,
    readonly dataDir: string,
    readonly port: number,
    private readonly tools: ServerTools,
    private readonly workDir: string,
  ) {}

  get logFile(): string {
    return join(this.workDir, `${this.name}.log`);
  }

  /** The owner's (superuser `postgres`, trust auth on loopback) URL of a database. */
  ownerUrl(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A URL of `database` as `user` with `password` on this cluster. */
  urlAs(database: string, user: string, password: string): string {
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  pgTool(program: string, args: string[]): Promise<string> {
    return runAsServerUser(this.tools, join(this.tools.bin, program), args, this.workDir);
  }

  /**
   * Data checksums on, so pg_basebackup verifies every page it copies. `--no-sync`: a throwaway
   * directory need not be flushed to disk (the server itself keeps fsync on).
   */
  async initdb(): Promise<void> {
    await this.pgTool('initdb', [
      '--no-sync',
      '-D',
      this.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--data-checksums',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]);
  }

  /** Appends settings to postgresql.conf; a later line wins over an earlier one of the same name. */
  async configure(comment: string, settings: Record<string, string | number>): Promise<void> {
    const lines = Object.entries(settings).map(
      ([name, value]) => `${name} = ${typeof value === 'number' ? value : `'${value.replace(/'/g, "''")}'`}`,
    );
    await appendFile(join(this.dataDir, 'postgresql.conf'), `\n# ${comment}\n${lines.join('\n')}\n`);
  }

  /** The settings every drill cluster runs with: its port, loopback only, its socket, small memory. */
  async configureLocal(): Promise<void> {
    await this.configure('restore drill: a private cluster on a spare port', {
      port: this.port,
      listen_addresses: '127.0.0.1',
      unix_socket_directories: this.workDir,
      shared_buffers: '32MB',
      max_connections: 30,
    });
  }

  async start(): Promise<void> {
    this.started = true;
    await this.pgTool('pg_ctl', ['start', '-D', this.dataDir, '-l', this.logFile, '-w', '-t', '120']);
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!this.started) return;
    await this.pgTool('pg_ctl', ['stop', '-D', this.dataDir, '-m', mode, '-w', '-t', '60']);
    this.started = false;
  }

  /** Stops it if it runs, never throws (cleanup after a failure). */
  async stopQuietly(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
  }

  /** One statement as the owner on a short-lived connection. */
  async query<T extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
    database = 'postgres',
  ): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.ownerUrl(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** The server log's lines that match (what recovery said, for the report). */
  async logLines(pattern: RegExp): Promise<string[]> {
    const log = await readFile(this.logFile, 'utf8').catch(() => '');
    return log.split('\n').filter((line) => pattern.test(line));
  }

  async logTail(lines = 20): Promise<string> {
    const log = await readFile(this.logFile, 'utf8').catch(() => '');
    return log.trim().split('\n').slice(-lines).join('\n');
  }
}
