import { testEnvVars } from './app';
import { eventually } from './eventually';
import { RunningProcess, spawnApp } from './processes';

/** One line of a process's output: its pino JSON, or null when the line is not JSON. */
export interface OutputLine {
  text: string;
  json: ({ level: number; msg: string } & Record<string, unknown>) | null;
}

export function outputLines(output: string): OutputLine[] {
  return output
    .split('\n')
    .filter((text) => text.trim() !== '')
    .map((text) => {
      try {
        return { text, json: JSON.parse(text) };
      } catch {
        return { text, json: null };
      }
    });
}

export interface WorkerProcess extends RunningProcess {
  lines(): OutputLine[];
  /** SIGTERM, as a deployment stops it: in-flight jobs finish first. */
  stop(): Promise<void>;
}

/**
 * apps/worker as its own OS process on an existing test database, logging at
 * info (so e-mails built without SMTP_URL show in its output). Resolves once
 * it says it is running, when its processors, relay and reconcilers have started.
 */
export async function spawnWorker(
  database: string,
  overrides: Record<string, string> = {},
): Promise<WorkerProcess> {
  const running = spawnApp('apps/worker/src/main.ts', {
    ...testEnvVars(database, { LOG_LEVEL: 'info', ...overrides }),
  });
  const lines = () => outputLines(running.output());
  await eventually(
    () =>
      running.child.exitCode === null
        ? lines().some((line) => line.json?.msg === 'Kintsugi worker running')
        : Promise.reject(new Error(`worker exited early:\n${running.output()}`)),
    30_000,
  );
  return {
    ...running,
    lines,
    async stop() {
      if (running.child.exitCode !== null) return;
      running.child.kill('SIGTERM');
      await running.exited;
    },
  };
}
