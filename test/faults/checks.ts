import { Queue } from 'bullmq';
import { Client } from 'pg';
import { api, ChatClient, Outgoing, Target } from './chat-clients';
import { sleep } from './infra';

/**
 * The invariants checked after every fault, once the platform is whole
 * again: DESIGN.md 3 (no acknowledged message lost, gapless seq, retries
 * safe), the catch-up contract of API.md, and DESIGN.md 4 (each message
 * screened to effect once; each reminder sent once).
 */

export interface Verdict {
  sent: number;
  acknowledged: number;
  lost: number;
  duplicates: number;
  seqGaps: number;
  screened: { once: number; expected: number };
  reminders?: { once: number; expected: number };
  problems: string[];
  notes: string[];
}

interface HistoryItem {
  id: string;
  seq: number;
  clientId: string;
  author: { id: string } | null;
}

/** Every message of a group, oldest first, through `after=` pages as any member reads them. */
async function fullHistory(target: Target, token: string, groupId: string): Promise<HistoryItem[]> {
  const items: HistoryItem[] = [];
  let after = 0;
  for (let page = 0; page < 10_000; page++) {
    const res = await api<{ items: HistoryItem[]; nextCursor: number | null }>(
      target,
      token,
      'GET',
      `/api/groups/${groupId}/messages?after=${after}&limit=100`,
    );
    if (res.status !== 200) throw new Error(`history of ${groupId}: ${res.status}`);
    items.push(...res.body.items);
    if (res.body.nextCursor === null || res.body.items.length === 0) break;
    after = Number(res.body.items.at(-1)!.seq);
  }
  return items;
}

export async function checkMessages(
  target: Target,
  db: Client,
  groups: { id: string; token: string }[],
  clients: ChatClient[],
  outgoing: Outgoing[],
): Promise<Verdict> {
  const problems: string[] = [];
  const notes: string[] = [];
  let seqGaps = 0;
  let duplicates = 0;
  let lost = 0;
  const byKey = new Map<string, HistoryItem[]>();
  const lastSeqOf = new Map<string, number>();

  for (const group of groups) {
    const history = await fullHistory(target, group.token, group.id);
    // seq runs 1, 2, 3 … with neither hole nor repeat.
    let expected = 1;
    for (const item of history) {
      const seq = Number(item.seq);
      if (seq !== expected) {
        seqGaps++;
        problems.push(`group ${group.id.slice(0, 8)}: seq ${seq} where ${expected} was due`);
      }
      expected = seq + 1;
      const key = `${item.author?.id}:${item.clientId}`;
      byKey.set(key, [...(byKey.get(key) ?? []), item]);
    }
    lastSeqOf.set(group.id, history.length ? Number(history.at(-1)!.seq) : 0);
    const [row] = (
      await db.query(
        `SELECT g.last_seq::int AS last_seq, count(m.id)::int AS n,
                count(DISTINCT m.seq)::int AS distinct_seq, coalesce(max(m.seq), 0)::int AS max_seq
         FROM groups g LEFT JOIN messages m ON m.group_id = g.id WHERE g.id = $1 GROUP BY g.id`,
        [group.id],
      )
    ).rows;
    if (row.last_seq !== row.n || row.n !== row.distinct_seq || row.max_seq !== row.n) {
      seqGaps++;
      problems.push(
        `group ${group.id.slice(0, 8)} in the database: last_seq ${row.last_seq}, ${row.n} messages, ${row.distinct_seq} distinct seqs, max ${row.max_seq}`,
      );
    }
    if (row.n !== history.length)
      problems.push(
        `group ${group.id.slice(0, 8)}: ${row.n} rows but history lists ${history.length}`,
      );
  }

  for (const [key, items] of byKey) {
    if (items.length > 1) {
      duplicates += items.length - 1;
      problems.push(`(author, clientId) ${key} stored ${items.length} times`);
    }
  }
  const acknowledged = outgoing.filter((o) => o.acked);
  for (const o of acknowledged) {
    const found = byKey.get(`${o.authorId}:${o.clientId}`) ?? [];
    if (found.length === 0) {
      lost++;
      problems.push(`acknowledged ${o.clientId} (seq ${o.acked!.seq}) is not in history`);
    } else if (found[0].id !== o.acked!.id || Number(found[0].seq) !== o.acked!.seq) {
      lost++;
      problems.push(
        `acknowledged ${o.clientId} as seq ${o.acked!.seq}, history has seq ${found[0].seq}`,
      );
    }
  }
  const storedUnacked = outgoing.filter(
    (o) => !o.acked && byKey.has(`${o.authorId}:${o.clientId}`),
  ).length;
  if (storedUnacked > 0)
    notes.push(`${storedUnacked} never acknowledged to the client but stored (ack lost)`);

  // Each client, having caught up with `after`, saw its group's messages 1..N once and in order.
  let behind = 0;
  for (const client of clients) {
    const last = lastSeqOf.get(client.groupId) ?? 0;
    if (client.lastSeq !== last) behind++;
    for (const violation of client.catchUpViolations.slice(0, 3))
      problems.push(`client ${client.member.handle}: ${violation}`);
    if (client.liveOutOfOrder > 0)
      problems.push(
        `client ${client.member.handle}: ${client.liveOutOfOrder} message:new out of seq order`,
      );
  }
  if (behind > 0) problems.push(`${behind} clients did not reach the last seq by catching up`);
  const gaps = clients.reduce((n, c) => n + c.liveGaps, 0);
  if (gaps > 0) notes.push(`${gaps} live-stream gaps filled by catch-up`);

  return {
    sent: outgoing.length,
    acknowledged: acknowledged.length,
    lost,
    duplicates,
    seqGaps,
    screened: { once: 0, expected: 0 },
    problems,
    notes,
  };
}

/**
 * Waits until the moderation outbox is relayed and its queue idle, then
 * counts review items: exactly one (open) for each message carrying an
 * e-mail address, its personal-details reason once, and never two items for
 * one message.
 */
export async function checkScreening(
  db: Client,
  moderation: Queue,
  groupIds: string[],
  verdict: Verdict,
  ms: number,
): Promise<void> {
  const count = async () => {
    const { rows } = await db.query(
      `SELECT m.id, m.status, m.hidden_reason,
              (SELECT count(*)::int FROM review_items ri WHERE ri.message_id = m.id) AS items,
              (SELECT count(*)::int FROM review_items ri WHERE ri.message_id = m.id AND ri.status = 'open') AS open,
              (SELECT count(*)::int FROM review_items ri, jsonb_array_elements(ri.reasons) r
                 WHERE ri.message_id = m.id) AS reasons,
              (SELECT count(DISTINCT r)::int FROM review_items ri, jsonb_array_elements(ri.reasons) r
                 WHERE ri.message_id = m.id) AS distinct_reasons
       FROM messages m WHERE m.group_id = ANY($1) AND m.body LIKE '%@example.com%'`,
      [groupIds],
    );
    return rows as {
      id: string;
      status: string;
      hidden_reason: string | null;
      items: number;
      open: number;
      reasons: number;
      distinct_reasons: number;
    }[];
  };
  const deadline = Date.now() + ms;
  let rows = await count();
  for (;;) {
    const pending = (
      await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE queue = 'moderation' AND sent_at IS NULL`,
      )
    ).rows[0].n as number;
    const busy = await moderation.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    const queued = Object.values(busy).reduce((a, b) => a + b, 0);
    rows = await count();
    if (rows.every((r) => r.items >= 1) && pending === 0 && queued === 0) break;
    if (Date.now() > deadline) {
      verdict.notes.push(
        `screening not done after ${ms} ms: ${pending} unrelayed, ${queued} queued`,
      );
      break;
    }
    await sleep(500);
  }
  // Jobs still in flight would add nothing, but let a last one land before counting.
  await sleep(500);
  rows = await count();
  const once = rows.filter(
    (r) =>
      r.items === 1 &&
      r.open === 1 &&
      r.reasons >= 1 &&
      r.reasons === r.distinct_reasons &&
      r.status === 'hidden' &&
      r.hidden_reason === 'personal_details',
  );
  verdict.screened = { once: once.length, expected: rows.length };
  const missing = rows.filter((r) => r.items === 0).length;
  const twice = rows.filter((r) => r.items > 1 || r.reasons !== r.distinct_reasons).length;
  const visible = rows.filter((r) => r.items >= 1 && r.status !== 'hidden').length;
  if (missing) verdict.problems.push(`${missing} messages with an e-mail address never screened`);
  if (twice)
    verdict.problems.push(`${twice} messages with more than one item or a repeated reason`);
  if (visible) verdict.problems.push(`${visible} screened messages with an address left visible`);
  const { rows: extra } = await db.query(
    `SELECT r->>'category' AS category, count(DISTINCT ri.id)::int AS n
     FROM review_items ri JOIN messages m ON m.id = ri.message_id, jsonb_array_elements(ri.reasons) r
     WHERE m.group_id = ANY($1) AND m.body NOT LIKE '%@example.com%' GROUP BY 1 ORDER BY 2 DESC`,
    [groupIds],
  );
  if (extra.length > 0)
    verdict.notes.push(
      `review items on plain messages: ${extra.map((r) => `${r.n} ${r.category}`).join(', ')}`,
    );
}

/**
 * Each expected reminder (session × offset × member) exists exactly once;
 * the dedupe key is unique, so a second one cannot exist and a missing one
 * is the failure that matters.
 */
export async function checkReminders(
  db: Client,
  expectedKeys: string[],
  verdict: Verdict,
): Promise<void> {
  const { rows } = await db.query(
    `SELECT dedupe_key, count(*)::int AS n FROM notifications
     WHERE kind = 'session_reminder' AND dedupe_key = ANY($1) GROUP BY dedupe_key`,
    [expectedKeys],
  );
  const once = rows.filter((r) => r.n === 1).length;
  verdict.reminders = { once, expected: expectedKeys.length };
  if (once !== expectedKeys.length)
    verdict.problems.push(`${expectedKeys.length - once} reminders never sent`);
}
