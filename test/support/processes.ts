import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { testEnvVars } from './app';
import { freePort } from './redis-server';

const ROOT = join(__dirname, '..', '..');

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts an app entry point (apps/api/src/main.ts, apps/worker/src/main.ts)
 * as its own process, exactly as `npm start` would but from the sources.
 */
export function spawnApp(entry: string, env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, entry)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

export async function waitForHttp(url: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

export interface ApiProcess {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * A further API process as its own OS process, on an existing test database
 * and that database's Redis prefix (as testEnvVars derives it), so it shares
 * nothing with the test's in-process app but PostgreSQL and Redis.
 */
export async function spawnApi(
  database: string,
  overrides: Record<string, string> = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const running = spawnApp('apps/api/src/main.ts', {
    ...testEnvVars(database, overrides),
    PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/health/ready`);
  } catch (error) {
    running.child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${running.output()}`);
  }
  return {
    url,
    output: running.output,
    async stop() {
      running.child.kill('SIGTERM');
      await running.exited;
    },
  };
}
