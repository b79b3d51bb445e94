interface Waiting<In, Out> {
  input: In;
  resolve: (output: Out) => void;
  reject: (error: unknown) => void;
}

export interface BatcherOptions {
  /** The most inputs one run takes; the rest wait for the next. */
  maxBatch: number;
  /** Runs once the queue is empty after a run, before the batcher rests; logs its own errors. */
  whenIdle?: () => Promise<void>;
}

/**
 * Runs what is submitted in batches, one run at a time: whatever arrives
 * while a run is under way goes together in the next one. When calls are
 * rare each runs alone at once; under load a process pays one database round
 * trip for many callers instead of one each (group commit). A run answers
 * every input in order, with its output or with the Error that refuses it
 * alone; a run that throws refuses its whole batch.
 */
export class Batcher<In, Out> {
  private readonly waiting: Waiting<In, Out>[] = [];
  private running = false;

  constructor(
    private readonly run: (inputs: In[]) => Promise<(Out | Error)[]>,
    private readonly options: BatcherOptions,
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      await this.runBatch(this.waiting.splice(0, this.options.maxBatch));
      // Checked again after whenIdle: what arrived meanwhile is run before resting.
      if (this.waiting.length === 0) await this.options.whenIdle?.().catch(() => undefined);
    }
    this.running = false;
  }

  private async runBatch(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const outputs = await this.run(batch.map((entry) => entry.input));
      batch.forEach((entry, i) => {
        const output = outputs[i];
        if (output instanceof Error) entry.reject(output);
        else entry.resolve(output);
      });
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    }
  }
}
