import { createHash } from 'node:crypto';
import { JOINED_JOB_MAX_IDS } from '../queue/queues';
import type { PendingRow } from './outbox.relay';

export interface RelayRow extends PendingRow {
  joinable: boolean;
}

export interface JoinedJobs {
  /** What to add to the queues: rows that stay alone, and one carrier per joined group. */
  jobs: PendingRow[];
  /** Carriers: rows that now hold a joined job, under that job's id and with its data. */
  carriers: PendingRow[];
  /** Rows whose work a carrier took over: owed no more. */
  absorbed: string[];
}

const JOINED = /-join-[0-9a-f]{12}$/;

/**
 * The job id a joined job's carrier had before the relay's pass committed: a worker may finish
 * the job first, and its done mark must then wait for that row (it is locked until the commit)
 * rather than miss it.
 */
export const carrierJobIdBefore = (jobId: string): string => jobId.replace(JOINED, '');

/**
 * Joins unsent joinable rows (JobSpec.joinable) of one queue and name, due now, into as few jobs
 * as JOINED_JOB_MAX_IDS allows. The first row of a group carries the joined job; the others are
 * absorbed. The joined job's id names its exact set of rows, so that a pass that added a job and
 * then failed to commit, and a later pass that joins a different set, never share an id (BullMQ
 * would keep the first job and drop the second set's extra work).
 */
export function joinJobs(rows: RelayRow[]): JoinedJobs {
  const jobs: PendingRow[] = [];
  const carriers: PendingRow[] = [];
  const absorbed: string[] = [];
  const open = new Map<string, { rows: RelayRow[]; field: string; ids: string[] }>();
  const close = (group: { rows: RelayRow[]; field: string; ids: string[] }) => {
    const [first, ...rest] = group.rows;
    if (rest.length === 0) {
      jobs.push(first);
      return;
    }
    const hash = createHash('sha1')
      .update(group.rows.map((r) => r.id).join(','))
      .digest('hex')
      .slice(0, 12);
    const carrier = {
      ...first,
      job_id: `${first.job_id}-join-${hash}`,
      payload: { [group.field]: group.ids },
    };
    jobs.push(carrier);
    carriers.push(carrier);
    absorbed.push(...rest.map((r) => r.id));
  };
  for (const row of rows) {
    const ids = joinableIds(row);
    if (!ids) {
      jobs.push(row);
      continue;
    }
    const key = `${row.queue}/${row.job_name}/${ids.field}`;
    let group = open.get(key);
    if (group && group.ids.length + ids.values.length > JOINED_JOB_MAX_IDS) {
      close(group);
      group = undefined;
    }
    if (!group) open.set(key, (group = { rows: [], field: ids.field, ids: [] }));
    group.rows.push(row);
    group.ids.push(...ids.values);
  }
  for (const group of open.values()) close(group);
  return { jobs, carriers, absorbed };
}

/** A joinable row's one array of ids, or null when the row is not one to join. */
function joinableIds(row: RelayRow): { field: string; values: string[] } | null {
  if (!row.joinable || row.run_at !== null) return null;
  const entries = Object.entries(row.payload);
  if (entries.length !== 1 || !Array.isArray(entries[0][1])) return null;
  return { field: entries[0][0], values: entries[0][1] as string[] };
}
