/**
 * The fault suite (issue 14): `npm run test:faults`.
 *
 * Starts its own PostgreSQL cluster and redis-server on free ports of
 * 127.0.0.1, two APIs (RUN_WORKERS=false) and one worker from dist/, and
 * twenty socket.io members in four groups; then, one scenario at a time,
 * breaks something while they send, and checks the invariants once the
 * platform is whole again. Prints one table and exits 1 when any invariant
 * broke. `FAULTS_ONLY=1,4` runs some scenarios only (numbers as listed).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { killEverything, ROOT } from './infra';
import { SCENARIOS } from './scenarios';
import { ScenarioResult, Suite } from './suite';

/** Every wait is bounded; this bounds the whole run, whatever hangs. */
const WATCHDOG_MS = 20 * 60_000;

const say = (line: string) => process.stdout.write(`${line}\n`);

function table(results: ScenarioResult[]): string {
  const header = [
    'scenario',
    'sent',
    'acknowledged',
    'acked and lost',
    'duplicates',
    'seq gaps',
    'screened once',
    'reminders once',
    'recovery',
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.sent),
    String(r.acknowledged),
    String(r.lost),
    String(r.duplicates),
    String(r.seqGaps),
    `${r.screened.once}/${r.screened.expected}`,
    r.reminders ? `${r.reminders.once}/${r.reminders.expected}` : '—',
    r.recoveryMs === null ? 'none' : `${(r.recoveryMs / 1000).toFixed(1)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

async function main(): Promise<number> {
  for (const entry of ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js'])
    if (!existsSync(join(ROOT, entry)))
      throw new Error(`${entry} is missing: npm run build:server`);
  const only = (process.env.FAULTS_ONLY ?? '')
    .split(',')
    .filter(Boolean)
    .map((n) => Number(n));
  const chosen = SCENARIOS.filter((_, i) => only.length === 0 || only.includes(i + 1));
  const suite = new Suite();
  const results: ScenarioResult[] = [];
  const started = Date.now();
  try {
    await suite.setup(say);
    for (const scenario of chosen) {
      say(`\n== ${scenario.name}`);
      const at = Date.now();
      await suite.ensureWhole();
      let result: ScenarioResult;
      try {
        result = await scenario.run(suite, say);
      } catch (error) {
        result = {
          name: scenario.name,
          sent: 0,
          acknowledged: 0,
          lost: 0,
          duplicates: 0,
          seqGaps: 0,
          screened: { once: 0, expected: 0 },
          recoveryMs: null,
          problems: [`the scenario failed to run: ${(error as Error).stack}`],
          notes: [],
        };
      }
      results.push(result);
      for (const note of result.notes) say(`  · ${note}`);
      for (const problem of result.problems.slice(0, 20)) say(`  ✗ ${problem}`);
      if (result.problems.length > 20) say(`  ✗ … ${result.problems.length - 20} more`);
      say(
        `  ${result.problems.length === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - at) / 1000).toFixed(0)} s`,
      );
    }
  } finally {
    await suite.teardown().catch(() => undefined);
  }
  say(`\nFault suite, ${((Date.now() - started) / 1000).toFixed(0)} s:\n`);
  say(table(results));
  const failed = results.filter((r) => r.problems.length > 0);
  say(
    failed.length === 0
      ? `\nEvery invariant held in ${results.length} scenarios.`
      : `\n${failed.length} of ${results.length} scenarios broke an invariant: ${failed.map((r) => r.name).join('; ')}`,
  );
  return failed.length === 0 ? 0 : 1;
}

const watchdog = setTimeout(() => {
  process.stderr.write(`Fault suite still running after ${WATCHDOG_MS / 60_000} min: stopping\n`);
  killEverything();
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();
process.once('SIGINT', () => {
  killEverything();
  process.exit(130);
});
process.once('exit', () => killEverything());

main().then(
  (code) => {
    killEverything();
    process.exit(code);
  },
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    killEverything();
    process.exit(1);
  },
);
