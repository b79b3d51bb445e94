import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, Env, Errors, JobSpec, OutboxService, QUEUES } from '@kintsugi/platform';
import type { AuthUser } from '@kintsugi/identity';
import { GroupAccessService, GroupRef } from '@kintsugi/groups';
import { Topic, TopicsService } from '@kintsugi/curriculum';
import { Delivery, NotificationsService } from '@kintsugi/notifications';
import { occurrences } from './recurrence';
import { DiscussionSession } from './session.entity';
import { allJobs, reminderJobs, SessionJobs } from './session.jobs';
import { SessionView } from './session.view';
import type { CreateSessionDto, UpdateSessionDto } from './sessions.dto';
import { SessionErrors } from './sessions.errors';
import { SessionsService } from './sessions.service';

const MINUTE = 60_000;
const WALK_ATTEMPTS = 5;

interface TopicWalk {
  /** The group's last_topic_order the walk started after. */
  from: number;
  topics: Topic[];
}

/**
 * Creating, moving and cancelling sessions. Each use is one transaction that
 * writes the rows, the jobs (outbox) and the notifications together, and
 * withdraws the jobs it made obsolete (so a reconciler never adds them back);
 * sockets are told and obsolete jobs removed from their queues after commit.
 * Removal is only tidying: every job re-reads its session and does nothing
 * once it moved or was cancelled.
 */
@Injectable()
export class SessionPlanningService {
  private readonly logger = new Logger(SessionPlanningService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly access: GroupAccessService,
    private readonly topics: TopicsService,
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    @InjectQueue(QUEUES.sessions) private readonly sessionQueue: Queue,
    @InjectQueue(QUEUES.reminders) private readonly reminderQueue: Queue,
  ) {}

  async create(user: AuthUser, groupId: string, dto: CreateSessionDto): Promise<SessionView[]> {
    const { group } = await this.access.require(user, groupId, 'moderate');
    const now = this.clock.now();
    const first = new Date(dto.startsAt);
    if (first <= now) throw SessionErrors.notInFuture('startsAt');
    const starts = occurrences(first, dto.recurrence, group.timezone);
    // A named topic serves every occurrence and leaves the group's walk through the guide where it was.
    const chosen = dto.topicSlug ? await this.topicFor(group, dto.topicSlug) : null;
    const seriesId = dto.recurrence !== undefined ? randomUUID() : null;
    for (let attempt = 1; ; attempt++) {
      const walk = chosen ? null : await this.nextTopics(group, starts.length);
      const topics = walk ? walk.topics : starts.map(() => chosen as Topic);
      const sessions = await this.db.transaction(async (tx) => {
        await this.access.require(user, groupId, 'moderate', tx);
        if (walk && !(await this.advanceWalk(tx, group, walk))) return null;
        const saved = await tx.save(
          starts.map((startsAt, i) =>
            tx.create(DiscussionSession, {
              groupId,
              seriesId,
              topicId: topics[i].id,
              startsAt,
              endsAt: new Date(startsAt.getTime() + dto.durationMinutes * MINUTE),
              status: 'scheduled',
              createdBy: user.id,
              remindersFrom: now,
            }),
          ),
        );
        await this.outbox.add(tx, ...saved.flatMap((s) => allJobs(s, this.offsets, now)));
        return saved;
      });
      if (sessions) return this.sessions.views(sessions, user.id);
      if (attempt >= WALK_ATTEMPTS)
        throw Errors.unavailable('The group is busy; please try again.');
    }
  }

  /** Changes one occurrence; a new start time moves its reminders and tells who said going. */
  async reschedule(user: AuthUser, id: string, dto: UpdateSessionDto): Promise<SessionView> {
    const topic = dto.topicSlug ? await this.topics.bySlugForInput(dto.topicSlug) : null;
    const { session, delivery, obsolete } = await this.db.transaction(async (tx) => {
      const { session, access } = await this.sessions.load(user, id, 'moderate', tx, true);
      if (session.status !== 'scheduled') throw SessionErrors.closed(session.status);
      const now = this.clock.now();
      const previous = { id: session.id, startsAt: session.startsAt, endsAt: session.endsAt };
      const startsAt = dto.startsAt ? new Date(dto.startsAt) : session.startsAt;
      if (dto.startsAt && startsAt <= now) throw SessionErrors.notInFuture('startsAt');
      const minutes =
        dto.durationMinutes ?? (session.endsAt.getTime() - session.startsAt.getTime()) / MINUTE;
      if (topic) session.topicId = this.checkAudience(access.group, topic).id;
      const moved = startsAt.getTime() !== previous.startsAt.getTime();
      session.startsAt = startsAt;
      session.endsAt = new Date(startsAt.getTime() + minutes * MINUTE);
      if (moved) session.remindersFrom = now;
      await tx.save(session);

      const jobs: JobSpec[] = [];
      const obsolete: JobSpec[] = [];
      if (moved) {
        jobs.push(SessionJobs.start(session), ...reminderJobs(session, this.offsets, now));
        obsolete.push(SessionJobs.start(previous), ...reminderJobs(previous, this.offsets, now));
      }
      if (session.endsAt.getTime() !== previous.endsAt.getTime()) {
        jobs.push(SessionJobs.end(session));
        obsolete.push(SessionJobs.end(previous));
      }
      await this.outbox.withdraw(tx, obsolete);
      await this.outbox.add(tx, ...jobs);
      const delivery = moved
        ? await this.notifications.notifyMany(
            tx,
            (await this.rsvped(tx, session, ['going'])).map((userId) => ({
              userId,
              kind: 'session_rescheduled' as const,
              payload: {
                sessionId: session.id,
                groupId: session.groupId,
                startsAt: session.startsAt.toISOString(),
                previousStartsAt: previous.startsAt.toISOString(),
              },
              dedupeKey: `rescheduled:${session.id}:${previous.startsAt.getTime()}:${startsAt.getTime()}:${userId}`,
            })),
          )
        : null;
      return { session, delivery, obsolete };
    });
    this.afterCommit(delivery, obsolete);
    return (await this.sessions.views([session], user.id))[0];
  }

  /** Cancels one occurrence (again: nothing more happens) and tells everyone who answered. */
  async cancel(user: AuthUser, id: string): Promise<void> {
    const outcome = await this.db.transaction(async (tx) => {
      const { session } = await this.sessions.load(user, id, 'moderate', tx, true);
      if (session.status === 'cancelled') return null;
      if (session.status !== 'scheduled') throw SessionErrors.closed(session.status);
      session.status = 'cancelled';
      await tx.save(session);
      const delivery = await this.notifications.notifyMany(
        tx,
        (await this.rsvped(tx, session, ['going', 'not_going'])).map((userId) => ({
          userId,
          kind: 'session_cancelled' as const,
          payload: {
            sessionId: session.id,
            groupId: session.groupId,
            startsAt: session.startsAt.toISOString(),
          },
          dedupeKey: `cancelled:${session.id}:${userId}`,
        })),
      );
      const obsolete = allJobs(session, this.offsets, new Date(0));
      await this.outbox.withdraw(tx, obsolete);
      return { delivery, obsolete };
    });
    if (outcome) this.afterCommit(outcome.delivery, outcome.obsolete);
  }

  private get offsets() {
    return this.env.reminderOffsets;
  }

  /** Current members of the group who answered the session with one of these. */
  private async rsvped(
    tx: EntityManager,
    session: DiscussionSession,
    statuses: string[],
  ): Promise<string[]> {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT r.user_id FROM session_rsvps r
       JOIN memberships m ON m.user_id = r.user_id AND m.group_id = $2
       WHERE r.session_id = $1 AND r.status = ANY($3)`,
      [session.id, session.groupId, statuses],
    );
    return rows.map((r) => r.user_id);
  }

  private async topicFor(group: GroupRef, slug: string): Promise<Topic> {
    return this.checkAudience(group, await this.topics.bySlugForInput(slug));
  }

  private checkAudience(group: GroupRef, topic: Topic): Topic {
    if (topic.audience !== 'both' && topic.audience !== group.audience)
      throw SessionErrors.topicOfOtherAudience();
    return topic;
  }

  /**
   * The group's next topics in guide order, continuing where its last
   * session's topic left off. Read outside the transaction (topics come from
   * another pool connection, which a transaction must never wait for), then
   * claimed in it by advanceWalk() only if nobody moved the walk meanwhile.
   */
  private async nextTopics(group: GroupRef, count: number): Promise<TopicWalk> {
    const [row]: { last_topic_order: number }[] = await this.db.query(
      `SELECT last_topic_order FROM groups WHERE id = $1`,
      [group.id],
    );
    const topics = await this.topics.nextFor(group.audience, row.last_topic_order, count);
    return { from: row.last_topic_order, topics };
  }

  /** Compare-and-set on groups.last_topic_order, so two schedulers never take the same topics. */
  private async advanceWalk(tx: EntityManager, group: GroupRef, walk: TopicWalk): Promise<boolean> {
    const [, changed]: [unknown, number] = await tx.query(
      `UPDATE groups SET last_topic_order = $3 WHERE id = $1 AND last_topic_order = $2`,
      [group.id, walk.from, walk.topics[walk.topics.length - 1].order],
    );
    return changed === 1;
  }

  private afterCommit(delivery: Delivery | null, obsolete: JobSpec[]): void {
    delivery?.push();
    for (const job of obsolete) {
      const queue = job.queue === QUEUES.reminders ? this.reminderQueue : this.sessionQueue;
      // A job that is running right now cannot be removed; it will find the session changed.
      queue
        .remove(job.jobId)
        .catch((error: Error) =>
          this.logger.debug({ err: error.message, jobId: job.jobId }, 'Obsolete job not removed'),
        );
    }
  }
}
