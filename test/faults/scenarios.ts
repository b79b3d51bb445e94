import type { Attempt, Fleet } from './chat-clients';
import { api } from './chat-clients';
import { checkReminders } from './checks';
import { waitFor } from './infra';
import { ackRecoveryMs, readiness, ScenarioResult, sleep, Suite } from './suite';

/** Each member composes a message about this often (20 members: ~100 messages/s in all). */
const SEND_EVERY_MS = 200;
/** After the load stops, unacknowledged sends are retried this long. */
const DRAIN_MS = 25_000;

type Say = (line: string) => void;

export interface Scenario {
  name: string;
  run(suite: Suite, say: Say): Promise<ScenarioResult>;
}

const attemptsOf = (fleet: Fleet): Attempt[] => fleet.outgoing.flatMap((o) => o.attempts);

function tally(attempts: Attempt[]): string {
  const by = new Map<string, number>();
  for (const a of attempts) {
    const key = a.outcome === 'refused' ? `refused ${a.code}` : a.outcome;
    by.set(key, (by.get(key) ?? 0) + 1);
  }
  return [...by].map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
}

/** 1. kill -9 of one API while sending: its clients reconnect to the other and retry. */
const apiKill: Scenario = {
  name: 'kill -9 api-1',
  async run(suite, say) {
    const { fleet, groups } = await suite.scenarioFleet();
    fleet.startSending(SEND_EVERY_MS);
    await sleep(4000);
    const killedAt = Date.now();
    suite.apis[0].kill('SIGKILL');
    await suite.apis[0].exited();
    say(`  api-1 killed (pid gone); sending on`);
    await sleep(8000);
    const recoveryMs = ackRecoveryMs(fleet, killedAt);
    await suite.ensureWhole(); // api-1 back for the scenarios after this one
    await sleep(2000);
    await fleet.drain(DRAIN_MS);
    const verdict = await suite.verify(fleet, groups);
    const moved = fleet.clients.filter((c) => c.connects > 1).length;
    verdict.notes.push(`${moved} clients reconnected; attempts: ${tally(attemptsOf(fleet))}`);
    return { name: this.name, ...verdict, recoveryMs };
  },
};

/** 2. kill -9 of the worker while it screens, then a new worker. */
const workerKill: Scenario = {
  name: 'kill -9 worker',
  async run(suite, say) {
    const { fleet, groups } = await suite.scenarioFleet();
    fleet.startSending(SEND_EVERY_MS);
    await sleep(2000);
    // Mid-screening: killed as soon as jobs are seen active. Asking again before the kill would
    // give jobs that take a few milliseconds the time to finish.
    const active = await waitFor(
      'screening jobs active',
      () => suite.moderation.getActiveCount(),
      15_000,
      5,
    );
    suite.worker.kill('SIGKILL');
    await suite.worker.exited();
    say(`  worker killed right after it was seen with ${active} screening jobs active`);
    await sleep(5000);
    const restartedAt = Date.now();
    await suite.ensureWhole();
    // Recovery: every flagged message committed before the restart has its review item.
    const flaggedBefore = fleet.outgoing.filter(
      (o) => o.flagged && o.createdAt < restartedAt - 1000,
    );
    let recoveryMs: number | null = null;
    const watch = (async () => {
      try {
        await waitFor(
          'backlog screened',
          () =>
            suite.db(async (db) => {
              const { rows } = await db.query(
                `SELECT count(*)::int AS n FROM messages m WHERE m.client_id = ANY($1)
                 AND NOT EXISTS (SELECT 1 FROM review_items ri WHERE ri.message_id = m.id)`,
                [flaggedBefore.map((o) => o.clientId)],
              );
              return rows[0].n === 0;
            }),
          40_000,
          200,
        );
        recoveryMs = Date.now() - restartedAt;
      } catch {
        recoveryMs = null;
      }
    })();
    await sleep(5000);
    await fleet.drain(DRAIN_MS);
    await watch;
    const verdict = await suite.verify(fleet, groups);
    verdict.notes.push(`recovery = worker restart until the backlog's flagged messages had items`);
    return { name: this.name, ...verdict, recoveryMs };
  },
};

/** 3. Redis killed (every key lost) and back after 5 s, while sending and with reminders due. */
const redisKill: Scenario = {
  name: 'redis kill, back after 5 s',
  async run(suite, say) {
    const { fleet, groups } = await suite.scenarioFleet();
    // One session per group, its reminders (8s, 3s before) falling due after Redis is back.
    const startsAt = new Date(Date.now() + 22_000);
    const expectedKeys: string[] = [];
    for (const group of groups) {
      const res = await api<{ items: { id: string; startsAt: string }[] }>(
        suite.targets()[0],
        suite.admin,
        'POST',
        `/api/groups/${group.id}/sessions`,
        { startsAt: startsAt.toISOString(), durationMinutes: 30 },
      );
      if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
      const session = res.body.items[0];
      const ms = Date.parse(session.startsAt);
      for (const client of fleet.clients.filter((c) => c.groupId === group.id))
        for (const offset of ['8s', '3s'])
          expectedKeys.push(`reminder:${session.id}:${offset}:${ms}:${client.member.id}`);
    }
    // Wait until the reminder jobs are relayed into Redis, so that the kill loses them.
    await waitFor(
      'reminder jobs relayed',
      () =>
        suite.db(async (db) => {
          const { rows } = await db.query(
            `SELECT count(*)::int AS n FROM outbox WHERE queue = 'reminders' AND sent_at IS NULL`,
          );
          return rows[0].n === 0;
        }),
      10_000,
    );
    fleet.startSending(SEND_EVERY_MS);
    await sleep(3000);
    await suite.redis.kill();
    say(`  redis-server killed`);
    const readinessDuring = await Promise.all(suite.targets().map(readiness));
    await sleep(5000);
    await suite.redis.resume();
    const backAt = Date.now();
    say(`  redis-server back (empty)`);
    let readyAt = 0;
    await waitFor(
      'both APIs ready',
      async () => (await Promise.all(suite.targets().map(readiness))).every((s) => s === 200),
      30_000,
      100,
    ).then(() => (readyAt = Date.now()));
    await sleep(6000);
    const ackMs = ackRecoveryMs(fleet, backAt);
    await fleet.drain(DRAIN_MS);
    const verdict = await suite.verify(fleet, groups);
    // Reminders: wait until the session has started (the last one was due 3 s before).
    await sleep(Math.max(0, startsAt.getTime() + 1500 - Date.now()));
    await suite.db((db) => checkReminders(db, expectedKeys, verdict));
    verdict.notes.push(
      `/health/ready during the outage: ${readinessDuring.join(', ')}; ready again ${readyAt - backAt} ms after Redis was back; first acks after ${ackMs ?? '—'} ms`,
    );
    const recoveryMs = ackMs === null ? null : Math.max(ackMs, readyAt - backAt);
    return { name: this.name, ...verdict, recoveryMs };
  },
};

/** 4. PostgreSQL stopped with `pg_ctl stop -m immediate` and started again, the APIs left running. */
const postgresStop: Scenario = {
  name: 'postgres stop -m immediate',
  async run(suite, say) {
    const { fleet, groups } = await suite.scenarioFleet();
    const processes = [...suite.apis, suite.worker];
    const pids = processes.map((p) => p.pid);
    const statuses: { at: number; api: string; status: number }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const answers = await Promise.all(suite.targets().map(readiness));
        const at = Date.now();
        answers.forEach((status, i) => statuses.push({ at, api: suite.apis[i].name, status }));
        await sleep(250);
      }
    })();
    fleet.startSending(SEND_EVERY_MS);
    await sleep(3000);
    suite.pg.stopImmediately();
    const downAt = Date.now();
    say(`  PostgreSQL stopped (immediate)`);
    await sleep(6000);
    const startingAt = Date.now();
    await suite.pg.start();
    const upAt = Date.now();
    say(`  PostgreSQL started again (${upAt - startingAt} ms, crash recovery included)`);
    let readyAt: number | null = null;
    await waitFor(
      'both APIs ready',
      async () => (await Promise.all(suite.targets().map(readiness))).every((s) => s === 200),
      30_000,
      100,
    ).then(
      () => (readyAt = Date.now()),
      () => undefined,
    );
    await sleep(6000);
    polling = false;
    await poller;
    const ackMs = ackRecoveryMs(fleet, upAt);
    await fleet.drain(DRAIN_MS);
    const verdict = await suite.verify(fleet, groups);

    const during = attemptsOf(fleet).filter(
      (a) => a.emittedAt >= downAt && (a.answeredAt ?? Infinity) <= startingAt,
    );
    const okDuring = during.filter((a) => a.outcome === 'ok').length;
    if (okDuring > 0)
      verdict.problems.push(`${okDuring} sends acknowledged ok while PostgreSQL was down`);
    const sentDuring = attemptsOf(fleet).filter(
      (a) => a.emittedAt >= downAt && a.emittedAt < startingAt,
    );
    verdict.notes.push(`sends during the outage: ${tally(sentDuring)}`);
    // API.md's code for "try again later"; INTERNAL would say the request itself broke something.
    const unclear = sentDuring.filter((a) => a.outcome === 'refused' && a.code !== 'UNAVAILABLE');
    if (unclear.length > 0)
      verdict.problems.push(
        `${unclear.length} sends during the outage refused other than UNAVAILABLE`,
      );
    for (const apiProcess of suite.apis) {
      const mine = statuses.filter((s) => s.api === apiProcess.name);
      const unready = mine.some((s) => s.at > downAt && s.at < startingAt && s.status === 503);
      const readyAfter = mine.some((s) => s.at > upAt && s.status === 200);
      if (!unready)
        verdict.problems.push(
          `${apiProcess.name}: /health/ready never answered 503 during the outage`,
        );
      if (!readyAfter)
        verdict.problems.push(
          `${apiProcess.name}: /health/ready not 200 after PostgreSQL was back`,
        );
    }
    // verify() restarts whatever is down: a pid that changed is a process that died.
    processes.forEach((p, i) => {
      if (p.pid !== pids[i]) verdict.problems.push(`${p.name} died during the outage`);
    });
    verdict.notes.push(
      `PostgreSQL down ${startingAt - downAt} ms; both APIs ready ${readyAt === null ? 'never' : `${readyAt - upAt} ms`} after it accepted connections; every client acknowledged again after ${ackMs ?? '—'} ms`,
    );
    const recoveryMs = ackMs === null || readyAt === null ? null : Math.max(ackMs, readyAt - upAt);
    return { name: this.name, ...verdict, recoveryMs };
  },
};

/** 5. SIGTERM of an API under load: in-flight sends answered, exit code 0, nothing acknowledged lost. */
const apiSigterm: Scenario = {
  name: 'SIGTERM api-1 under load',
  async run(suite, say) {
    const { fleet, groups } = await suite.scenarioFleet();
    fleet.startSending(SEND_EVERY_MS / 2);
    await sleep(4000);
    // A burst from api-1's members just before the signal, so that sends are in flight when it lands.
    for (const client of fleet.clients.filter((c) => c.target?.name === 'api-1'))
      for (let i = 0; i < 10; i++) fleet.deliverNow(client);
    await sleep(5);
    const termAt = Date.now();
    suite.apis[0].kill('SIGTERM');
    const exit = await Promise.race([suite.apis[0].exited(), sleep(20_000).then(() => null)]);
    const exitedAt = Date.now();
    say(
      `  api-1 exited ${exit ? `with code ${exit.code} signal ${exit.signal}` : 'not within 20 s'} after ${exitedAt - termAt} ms`,
    );
    await sleep(5000);
    const recoveryMs = ackRecoveryMs(fleet, termAt);
    await suite.ensureWhole();
    await sleep(2000);
    await fleet.drain(DRAIN_MS);
    const verdict = await suite.verify(fleet, groups);
    if (!exit) verdict.problems.push('api-1 did not exit within 20 s of SIGTERM');
    else if (exit.code !== 0)
      verdict.problems.push(`api-1 exited with code ${exit.code} (signal ${exit.signal})`);
    // Sends on api-1 still unanswered when SIGTERM arrived, and those emitted to it after.
    const onApi1 = attemptsOf(fleet).filter((a) => a.via === 'api-1');
    const inFlight = onApi1.filter(
      (a) => a.emittedAt < termAt && (a.answeredAt ?? Infinity) >= termAt,
    );
    const after = onApi1.filter((a) => a.emittedAt >= termAt && a.emittedAt <= exitedAt);
    // A send emitted after api-1 closed its sockets never reached it: only those it had are judged.
    const unanswered = inFlight.filter((a) => a.outcome === 'unanswered').length;
    verdict.notes.push(
      `in flight on api-1 at SIGTERM: ${tally(inFlight)}; sent to it while it closed: ${tally(after)}`,
    );
    if (unanswered > 0)
      verdict.problems.push(
        `${unanswered} sends in flight at SIGTERM neither acknowledged nor refused`,
      );
    return { name: this.name, ...verdict, recoveryMs };
  },
};

/** 6. Overload: a ceiling measured in closed loop, then three times it for 10 s without retries. */
const overload: Scenario = {
  name: 'overload 3x ceiling, 10 s',
  async run(suite, say) {
    const { fleet, groups } = await suite.scenarioFleet();
    const rss = () => suite.apis.map((a) => Math.round(a.rssMiB()));
    // Ceiling: each client keeps 32 sends in flight for 5 s (the platform saturated); acknowledged per second.
    const measureFrom = Date.now() + 1000;
    const measureTo = measureFrom + 5000;
    let acksInWindow = 0;
    await Promise.all(
      fleet.clients.map(async (client) => {
        await Promise.all(
          Array.from({ length: 32 }, async () => {
            while (Date.now() < measureTo) {
              const socket = client.rawSocket;
              if (!socket?.connected) return;
              const outgoing = client.compose();
              const wait = await client.attempt(socket, outgoing, 10_000);
              if (
                outgoing.acked &&
                outgoing.acked.at >= measureFrom &&
                outgoing.acked.at <= measureTo
              )
                acksInWindow++;
              if (wait > 0) await sleep(wait);
            }
          }),
        );
      }),
    );
    const ceiling = acksInWindow / 5;
    // FAULTS_STORM_RATE fixes the storm's rate, so two versions can be compared under one load.
    const rate = Number(process.env.FAULTS_STORM_RATE) || Math.max(60, Math.round(ceiling * 3));
    say(`  ceiling ${Math.round(ceiling)} acknowledged sends/s; storm at ${rate}/s for 10 s`);
    await sleep(3000);
    const before = rss();
    const peak = [...before];
    const sampler = setInterval(
      () => rss().forEach((v, i) => (peak[i] = Math.max(peak[i], v))),
      250,
    );
    const stormFrom = Date.now();
    const storm: {
      client: (typeof fleet.clients)[number];
      o: ReturnType<(typeof fleet.clients)[number]['compose']>;
    }[] = [];
    const pending: Promise<number>[] = [];
    // Open loop: as many sends as the rate owes by now, whatever the answers (or this process) lag.
    while (Date.now() < stormFrom + 10_000) {
      const due = Math.floor((rate * (Date.now() - stormFrom)) / 1000);
      while (storm.length < due) {
        const client = fleet.clients[storm.length % fleet.clients.length];
        const socket = client.rawSocket;
        const o = client.compose();
        storm.push({ client, o });
        if (socket?.connected) pending.push(client.attempt(socket, o, 5000));
      }
      await sleep(10);
    }
    const stormEnd = Date.now();
    const offered = Math.round(storm.length / ((stormEnd - stormFrom) / 1000));
    await Promise.all(pending);
    clearInterval(sampler);
    const during = [...peak];
    // Recovery: a probe from every client acknowledged.
    const probes = fleet.clients.map((client) => {
      const o = client.compose();
      return client.deliver(o, () => Date.now() + 30_000).then(() => o.acked?.at ?? null);
    });
    const probeAcks = await Promise.all(probes);
    const recoveryMs = probeAcks.some((at) => at === null)
      ? null
      : Math.max(...(probeAcks as number[])) - stormEnd;
    await sleep(5000);
    const after = rss();
    const stormAttempts = storm.flatMap(({ o }) => o.attempts);
    await fleet.drain(5000);
    const verdict = await suite.verify(fleet, groups, 180_000);
    const acked = stormAttempts.filter((a) => a.outcome === 'ok').length;
    const refused = stormAttempts.filter((a) => a.outcome === 'refused');
    const unanswered = storm.length - acked - refused.length;
    verdict.notes.push(
      `storm: ${storm.length} sent (${offered}/s offered), ${acked} acknowledged, ${refused.length} refused (${tally(refused) || 'none'}), ${unanswered} unanswered within 5 s`,
    );
    verdict.notes.push(
      `API VmRSS MiB (api-1/api-2): before ${before.join('/')}, peak during ${during.join('/')}, 5 s after ${after.join('/')}`,
    );
    return { name: this.name, ...verdict, recoveryMs };
  },
};

export const SCENARIOS: Scenario[] = [
  apiKill,
  workerKill,
  redisKill,
  postgresStop,
  apiSigterm,
  overload,
];
