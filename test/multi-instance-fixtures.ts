import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The production api and worker bundles (`nest build`), copied where no other test's build
 * (`deleteOutDir`) replaces them while this test starts and restarts its processes.
 */
export interface Bundles {
  dir: string;
  api: string;
  worker: string;
}

export function buildBundles(): Bundles {
  mkdirSync('dist', { recursive: true });
  const dir = mkdtempSync(join('dist', 'multi-instance-'));
  const buildAndCopy = (app: string) => {
    const build = spawnSync('npx', ['nest', 'build', app], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`nest build ${app} failed:\n${build.stdout}${build.stderr}`);
    mkdirSync(join(dir, app), { recursive: true });
    // The source map keeps its name: main.js names it.
    for (const file of ['main.js', 'main.js.map'])
      copyFileSync(join('dist', 'apps', app, file), join(dir, app, file));
    return join(dir, app, 'main.js');
  };
  // Another test's build of the same app may empty dist/apps/<app> between ours and the copy: once more.
  const bundle = (app: string) => {
    try {
      return buildAndCopy(app);
    } catch {
      return buildAndCopy(app);
    }
  };
  try {
    return { dir, api: bundle('api'), worker: bundle('worker') };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

export function removeBundles(bundles: Bundles | undefined): void {
  if (bundles) rmSync(bundles.dir, { recursive: true, force: true });
}

/** Every child this module started and has not seen exit: killed if the test process goes first. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * One api or worker process (the built bundle) on a fixed port, so a restart comes back where
 * its clients (the load balancer, here the test) send requests. Output is kept (last 16 kB) for
 * a failure's message.
 */
export class Instance {
  private child: ChildProcess | null = null;
  private output = '';
  /** Pids of this instance's processes, oldest first (a restart adds one). */
  readonly pids: number[] = [];

  constructor(
    readonly name: string,
    private readonly entry: string,
    /** The api's PORT, or the worker's WORKER_HEALTH_PORT: /health/ready answers there. */
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  log(): string {
    return `--- ${this.name} (pids ${this.pids.join(', ')}) ---\n${this.output}`;
  }

  /** Starts the process and waits until /health/ready answers 200 (Postgres and Redis reached). */
  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, ['--enable-source-maps', this.entry], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    running.add(child);
    this.pids.push(child.pid!);
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-16_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => {
      running.delete(child);
      this.output += `\n[${this.name} pid ${child.pid} exited: ${signal ?? code}]\n`;
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${this.name} exited while starting:\n${this.log()}`);
      const ok = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.log()}`);
  }

  /** SIGKILL: no shutdown hook runs, requests and jobs in flight are cut. Resolves once it exited. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid!, 'SIGKILL');
    await exited;
  }

  /** SIGTERM (a clean shutdown), SIGKILL after 10 s; resolves once it exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` every 100 ms until it returns something truthy; throws naming `what` after `ms`. */
export async function pollUntil<T>(
  what: string,
  read: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms: number,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(100);
  }
}

/** What the sandbox recorded for one SMS it accepted (its inspect view). */
export interface SentSms {
  to: string;
  body?: string;
  status: string;
  statusCallback?: string | null;
}

/** Every SMS the sandbox accepted, in the order it accepted them (its log lists newest first). */
export async function sandboxSms(sandboxUrl: string): Promise<SentSms[]> {
  const res = await fetch(`${sandboxUrl}/sandbox/messages?provider=twilio`);
  return ((await res.json()) as SentSms[]).toReversed();
}

/** Our message id, from the status callback URL the worker gave Twilio for it. */
export const messageIdOf = (sms: SentSms): string | undefined =>
  /messageId=([0-9a-f-]{36})/.exec(sms.statusCallback ?? '')?.[1];
