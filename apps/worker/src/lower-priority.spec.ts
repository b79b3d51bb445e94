import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** Runs lowerPriority(nice) in a fresh Node process (under `nice -n start`) and reads back every thread's niceness. */
function threadNicenessAfter(nice: number, start = 0): number[] {
  const script = `
    require('./apps/worker/src/lower-priority').lowerPriority(${nice});
    const fs = require('node:fs');
    const of = (t) => {
      const stat = fs.readFileSync('/proc/self/task/' + t + '/stat', 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    console.log(JSON.stringify(fs.readdirSync('/proc/self/task').map(of)));`;
  const run = spawnSync(
    'nice',
    ['-n', String(start), process.execPath, '-r', '@swc-node/register', '-e', script],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as number[];
}

describe('lowerPriority', () => {
  it('gives every thread the niceness, not only the main one (V8 starts its own before any code runs)', () => {
    const niceness = threadNicenessAfter(15);
    expect(niceness.length).toBeGreaterThan(1);
    expect(new Set(niceness)).toEqual(new Set([15]));
  });

  it('never raises a priority: a worker started nicer stays as nice', () => {
    expect(new Set(threadNicenessAfter(10, 19))).toEqual(new Set([19]));
  });
});
