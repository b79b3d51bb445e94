import { JOINED_JOB_MAX_IDS } from '../queue/queues';
import { carrierJobIdBefore, joinJobs, RelayRow } from './join-jobs';

const row = (id: number, over: Partial<RelayRow> = {}): RelayRow => ({
  id: String(id),
  queue: 'moderation',
  job_name: 'screen-messages',
  job_id: `screen-batch-m${id}`,
  payload: { messageIds: [`m${id}a`, `m${id}b`] },
  run_at: null,
  joinable: true,
  ...over,
});

describe('joinJobs', () => {
  it('joins joinable rows of one queue and name into one job carried by the first row', () => {
    const { jobs, carriers, absorbed } = joinJobs([row(1), row(2), row(3)]);
    expect(jobs).toHaveLength(1);
    expect(carriers).toEqual(jobs);
    expect(jobs[0].id).toBe('1');
    expect(jobs[0].job_id).toMatch(/^screen-batch-m1-join-[0-9a-f]{12}$/);
    expect(jobs[0].payload).toEqual({
      messageIds: ['m1a', 'm1b', 'm2a', 'm2b', 'm3a', 'm3b'],
    });
    expect(absorbed).toEqual(['2', '3']);
  });

  it('names each set of rows apart, and the same set alike', () => {
    const [a, b, c] = [
      joinJobs([row(1), row(2)]),
      joinJobs([row(1), row(2), row(3)]),
      joinJobs([row(1), row(2)]),
    ];
    expect(a.jobs[0].job_id).not.toBe(b.jobs[0].job_id);
    expect(a.jobs[0].job_id).toBe(c.jobs[0].job_id);
  });

  it('leaves alone a single row, rows not joinable, delayed ones and other job names', () => {
    const rows = [
      row(1),
      row(2, { joinable: false }),
      row(3, { run_at: new Date() }),
      row(4, { job_name: 'screen-message', payload: { messageId: 'x' } }),
      row(5, { queue: 'email', job_name: 'send', payload: { ids: ['e'] } }),
    ];
    const { jobs, carriers, absorbed } = joinJobs(rows);
    expect(jobs.map((j) => j.job_id).sort()).toEqual(rows.map((r) => r.job_id).sort());
    expect(carriers).toEqual([]);
    expect(absorbed).toEqual([]);
  });

  it('starts a new joined job rather than carry more ids than a job may', () => {
    const big = (id: number) =>
      row(id, { payload: { messageIds: Array.from({ length: 400 }, (_, i) => `m${id}-${i}`) } });
    const { jobs, absorbed } = joinJobs([big(1), big(2), big(3), big(4)]);
    expect(jobs.map((j) => (j.payload as { messageIds: string[] }).messageIds.length)).toEqual([
      800, 800,
    ]);
    expect(
      jobs.every(
        (j) => (j.payload as { messageIds: string[] }).messageIds.length <= JOINED_JOB_MAX_IDS,
      ),
    ).toBe(true);
    expect(absorbed).toEqual(['2', '4']);
  });
});

describe('carrierJobIdBefore', () => {
  it("gives a joined job's carrier its id before the join, and leaves other ids alone", () => {
    const [joined] = joinJobs([row(1), row(2)]).jobs;
    expect(carrierJobIdBefore(joined.job_id)).toBe('screen-batch-m1');
    expect(carrierJobIdBefore('screen-batch-m1')).toBe('screen-batch-m1');
  });
});
