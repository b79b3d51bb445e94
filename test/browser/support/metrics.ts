import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(__dirname, '../../../test-results/browser-metrics.json');

/** Figures measured by the browser run (e.g. time to first message), kept for the README. */
export function recordMetric(name: string, value: number, unit: string): void {
  mkdirSync(join(FILE, '..'), { recursive: true });
  let all: Record<string, { value: number; unit: string }> = {};
  try {
    all = JSON.parse(readFileSync(FILE, 'utf8'));
  } catch {
    // first figure of the run
  }
  all[name] = { value, unit };
  writeFileSync(FILE, `${JSON.stringify(all, null, 2)}\n`);
  process.stdout.write(`[metric] ${name}: ${value} ${unit}\n`);
}
