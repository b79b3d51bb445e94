import { Batcher } from './batcher';

/** A run the test finishes by hand, so what arrives meanwhile can be observed. */
function controlledRuns() {
  const runs: { inputs: number[]; finish: (outputs?: (string | Error)[]) => void }[] = [];
  const run = (inputs: number[]) =>
    new Promise<(string | Error)[]>((resolve) => {
      runs.push({
        inputs,
        finish: (outputs) => resolve(outputs ?? inputs.map((n) => `out-${n}`)),
      });
    });
  return { runs, run };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher', () => {
  it('runs a lone input at once, and batches what arrives while a run is under way', async () => {
    const { runs, run } = controlledRuns();
    const batcher = new Batcher(run, { maxBatch: 10 });
    const first = batcher.submit(1);
    expect(runs.map((r) => r.inputs)).toEqual([[1]]);
    const rest = [2, 3, 4].map((n) => batcher.submit(n));
    expect(runs).toHaveLength(1);
    runs[0].finish();
    await expect(first).resolves.toBe('out-1');
    await settle();
    expect(runs.map((r) => r.inputs)).toEqual([[1], [2, 3, 4]]);
    runs[1].finish();
    await expect(Promise.all(rest)).resolves.toEqual(['out-2', 'out-3', 'out-4']);
  });

  it('takes at most maxBatch inputs per run, in the order submitted', async () => {
    const { runs, run } = controlledRuns();
    const batcher = new Batcher(run, { maxBatch: 2 });
    const all = [1, 2, 3, 4, 5].map((n) => batcher.submit(n));
    for (let i = 0; i < 3; i++) {
      await settle();
      runs[i].finish();
    }
    await expect(Promise.all(all)).resolves.toHaveLength(5);
    expect(runs.map((r) => r.inputs)).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('refuses only the input whose output is an Error', async () => {
    const batcher = new Batcher(
      async (inputs: number[]) => inputs.map((n) => (n === 2 ? new Error('no 2') : `out-${n}`)),
      { maxBatch: 10 },
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('no 2'));
  });

  it('refuses a whole batch when its run throws, and goes on with the next', async () => {
    let calls = 0;
    const batcher = new Batcher(
      async (inputs: number[]) => {
        calls++;
        if (calls === 1) throw new Error('database gone');
        return inputs.map((n) => `out-${n}`);
      },
      { maxBatch: 10 },
    );
    await expect(batcher.submit(1)).rejects.toThrow('database gone');
    await expect(batcher.submit(2)).resolves.toBe('out-2');
  });

  it('calls whenIdle once the queue is empty, and runs what arrives meanwhile right after', async () => {
    const events: string[] = [];
    let releaseIdle = () => undefined as void;
    const batcher: Batcher<number, string> = new Batcher(
      async (inputs: number[]) => {
        events.push(`run ${inputs.join(',')}`);
        return inputs.map((n) => `out-${n}`);
      },
      {
        maxBatch: 10,
        whenIdle: () => {
          events.push('idle');
          return new Promise<void>((resolve) => (releaseIdle = resolve));
        },
      },
    );
    await batcher.submit(1);
    await settle();
    expect(events).toEqual(['run 1', 'idle']);
    const late = batcher.submit(2);
    await settle();
    expect(events).toEqual(['run 1', 'idle']);
    releaseIdle();
    await expect(late).resolves.toBe('out-2');
    await settle();
    expect(events).toEqual(['run 1', 'idle', 'run 2', 'idle']);
  });
});
