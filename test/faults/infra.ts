import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { freePort } from '../support/redis-server';

/**
 * The fault suite's own infrastructure: a PostgreSQL cluster in a temporary
 * directory, a redis-server, and the built API and worker as OS processes.
 * Everything listens on 127.0.0.1 on free ports and is started by this
 * process alone, so the suite can kill and restart any of it without
 * touching the machine's shared PostgreSQL and Redis.
 */

export const ROOT = join(__dirname, '..', '..');
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns something truthy, or throws after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  ms: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(everyMs);
  }
}

/** Every child this suite started, so that an early exit ends them all (by pid, each one). */
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const clusters = new Set<PostgresCluster>();

export function killEverything(): void {
  for (const cluster of clusters) cluster.stopFast();
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  clusters.clear();
  tempDirs.clear();
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function pgBin(name: string): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const path = join(base, version, 'bin', name);
    if (existsSync(path)) return path;
  }
  return name; // on PATH
}

/** initdb refuses to run as root: as root the cluster belongs to the `postgres` account. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/** A throwaway PostgreSQL cluster (trust auth, 127.0.0.1 only) that can crash and come back. */
export class PostgresCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly owner: { uid: number; gid: number } | undefined,
  ) {}

  static async create(): Promise<PostgresCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'kintsugi-faults-pg-'));
    tempDirs.add(dir);
    const owner = runAs();
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const cluster = new PostgresCluster(dir, await freePort(), owner);
    clusters.add(cluster);
    cluster.exec('initdb', [
      '-D',
      join(dir, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    await cluster.start();
    return cluster;
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private exec(name: string, args: string[]): string {
    return execFileSync(pgBin(name), args, {
      cwd: this.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      ...(this.owner ?? {}),
    }).toString();
  }

  /** Starts (or restarts after a crash, which runs recovery) and waits until it accepts connections. */
  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-c listen_addresses=127.0.0.1`,
      `-c unix_socket_directories='${this.dir}'`,
      `-c max_connections=200`,
      `-c fsync=off`,
      `-c synchronous_commit=on`,
      `-c full_page_writes=off`,
    ].join(' ');
    this.exec('pg_ctl', [
      'start',
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      options,
    ]);
    await waitFor(
      'PostgreSQL accepting connections',
      async () => {
        const client = new Client({ connectionString: this.url('postgres') });
        client.on('error', () => undefined);
        await client.connect();
        await client.end();
        return true;
      },
      30_000,
    );
  }

  /** `pg_ctl stop -m immediate`: every backend dies at once, as in a crash; no shutdown checkpoint. */
  stopImmediately(): void {
    this.exec('pg_ctl', ['stop', '-D', join(this.dir, 'data'), '-m', 'immediate', '-w']);
  }

  stopFast(): void {
    try {
      this.exec('pg_ctl', ['stop', '-D', join(this.dir, 'data'), '-m', 'fast', '-w']);
    } catch {
      // already stopped
    }
  }

  log(): string {
    try {
      return readFileSync(join(this.dir, 'server.log'), 'utf8');
    } catch {
      return '';
    }
  }
}

/** A redis-server without persistence: killing it loses every key, as a lost instance does. */
export class RedisServer {
  private child?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.resume();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async resume(): Promise<void> {
    this.child = track(
      spawn(
        'redis-server',
        ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      ),
    );
    await waitFor(
      'redis-server answering',
      async () => {
        const client = new Redis(this.url, {
          lazyConnect: true,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
        });
        client.on('error', () => undefined);
        try {
          await client.connect();
          return (await client.ping()) === 'PONG';
        } finally {
          client.disconnect();
        }
      },
      10_000,
    );
  }

  /** kill -9. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

/** A built app (dist/) running as its own process. */
export class AppProcess {
  private child!: ChildProcess;
  private exitedWith!: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private output = '';
  restarts = 0;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Record<string, string>,
    readonly port: number | null,
    private readonly nodeArgs: string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and waits until it is ready (the API's /health/ready, the worker's start line). */
  async start(): Promise<void> {
    this.output = '';
    const child = track(
      spawn(process.execPath, [...this.nodeArgs, join(ROOT, this.entry)], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          ...this.env,
          ...(this.port ? { PORT: String(this.port) } : {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
      if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exitedWith = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const ready = this.port
      ? () => fetch(`${this.url}/health/ready`).then((res) => res.ok)
      : () => this.output.includes('Kintsugi worker running');
    try {
      await waitFor(`${this.name} ready`, () => this.running && ready(), 60_000, 100);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.tail()}`);
    }
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exitedWith;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const done = await Promise.race([this.exitedWith, sleep(20_000).then(() => null)]);
    if (!done) {
      this.child.kill('SIGKILL');
      await this.exitedWith;
    }
  }

  /** Resident memory in MiB (VmRSS of /proc/<pid>/status). */
  rssMiB(): number {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  }

  tail(chars = 4000): string {
    return this.output.slice(-chars);
  }
}

export { freePort };
