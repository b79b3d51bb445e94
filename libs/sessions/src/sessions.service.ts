import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@kintsugi/platform';
import type { AuthUser } from '@kintsugi/identity';
import { AccessLevel, GroupAccess, GroupAccessService } from '@kintsugi/groups';
import { toSessionTopicView, TopicsService } from '@kintsugi/curriculum';
import { DiscussionSession, RsvpStatus, SessionRsvp } from './session.entity';
import { SessionView, toSessionView } from './session.view';
import { SessionErrors } from './sessions.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_RANGE_MS = 90 * 24 * 3600_000;
const MAX_RANGE_MS = 366 * 24 * 3600_000;
const LIST_LIMIT = 500;

/** Reading sessions and answering them (RSVP); every door goes through GroupAccessService. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly topics: TopicsService,
    private readonly clock: Clock,
  ) {}

  /** Loads a session and checks the caller's level on its group (NOT_FOUND for unknown ids). */
  async load(
    user: AuthUser,
    id: string,
    level: AccessLevel,
    tx: EntityManager = this.db.manager,
    lock = false,
  ): Promise<{ session: DiscussionSession; access: GroupAccess }> {
    if (!UUID.test(id)) throw SessionErrors.notFound();
    const session = await tx.findOne(DiscussionSession, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!session) throw SessionErrors.notFound();
    return { session, access: await this.access.require(user, session.groupId, level, tx) };
  }

  async get(user: AuthUser, id: string): Promise<SessionView> {
    const { session } = await this.load(user, id, 'member');
    return (await this.views([session], user.id))[0];
  }

  /** Sessions overlapping [from, to): by default the ones not yet over, for 90 days. */
  async list(user: AuthUser, groupId: string, from?: string, to?: string): Promise<SessionView[]> {
    await this.access.require(user, groupId, 'member');
    const start = from ? new Date(from) : this.clock.now();
    const end = to ? new Date(to) : new Date(start.getTime() + DEFAULT_RANGE_MS);
    if (end <= start) throw SessionErrors.badRange('must be after from');
    if (end.getTime() - start.getTime() > MAX_RANGE_MS)
      throw SessionErrors.badRange('must be within 366 days of from');
    const sessions = await this.db
      .getRepository(DiscussionSession)
      .createQueryBuilder('s')
      .where('s.group_id = :groupId AND s.ends_at > :start AND s.starts_at < :end', {
        groupId,
        start,
        end,
      })
      .orderBy('s.starts_at', 'ASC')
      .take(LIST_LIMIT)
      .getMany();
    return this.views(sessions, user.id);
  }

  async rsvp(user: AuthUser, id: string, status: RsvpStatus): Promise<SessionView> {
    const { session } = await this.load(user, id, 'member');
    if (session.status !== 'scheduled' && session.status !== 'live')
      throw SessionErrors.closed(session.status);
    await this.db
      .createQueryBuilder()
      .insert()
      .into(SessionRsvp)
      .values({ sessionId: id, userId: user.id, status, updatedAt: this.clock.now() })
      .orUpdate(['status', 'updated_at'], ['session_id', 'user_id'])
      .execute();
    return (await this.views([session], user.id))[0];
  }

  /** Each group's next session not yet over (live or scheduled), as the viewer sees it. */
  async nextSessions(groupIds: string[], viewerId: string): Promise<Map<string, SessionView>> {
    if (groupIds.length === 0) return new Map();
    const ids: { id: string }[] = await this.db.query(
      `SELECT DISTINCT ON (group_id) id FROM discussion_sessions
       WHERE group_id = ANY($1) AND status IN ('scheduled', 'live') AND ends_at > $2
       ORDER BY group_id, starts_at`,
      [groupIds, this.clock.now()],
    );
    if (ids.length === 0) return new Map();
    const sessions = await this.db
      .getRepository(DiscussionSession)
      .createQueryBuilder('s')
      .whereInIds(ids.map((r) => r.id))
      .getMany();
    return new Map((await this.views(sessions, viewerId)).map((v) => [v.groupId, v]));
  }

  /** Views for a batch: topics, going counts and the viewer's answer in two queries. */
  async views(
    sessions: DiscussionSession[],
    viewerId: string | null,
    tx: EntityManager = this.db.manager,
  ): Promise<SessionView[]> {
    if (sessions.length === 0) return [];
    const topics = await this.topics.byIds([...new Set(sessions.map((s) => s.topicId))]);
    const rows: { session_id: string; going: number; mine: RsvpStatus | null }[] = await tx.query(
      `SELECT session_id, count(*) FILTER (WHERE status = 'going')::int AS going,
         max(status) FILTER (WHERE user_id = $2) AS mine
       FROM session_rsvps WHERE session_id = ANY($1) GROUP BY session_id`,
      [sessions.map((s) => s.id), viewerId],
    );
    const bySession = new Map(rows.map((r) => [r.session_id, r]));
    return sessions.map((s) => {
      const rsvps = bySession.get(s.id);
      const topic = topics.get(s.topicId);
      if (!topic) throw new Error(`Session ${s.id} refers to a missing topic`);
      return toSessionView(s, toSessionTopicView(topic), rsvps?.going ?? 0, rsvps?.mine ?? null);
    });
  }
}
