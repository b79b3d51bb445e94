import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@kintsugi/platform';
import { NotificationsService } from '@kintsugi/notifications';
import type { ReminderData } from './session.jobs';

/**
 * Sends one offset's reminders for one session. Who gets one is decided now,
 * when it falls due (API.md): members of the group then — of its audience,
 * or admins who joined — unless they answered not_going. The dedupe key
 * names the session, its start time, the offset and the member, so retries,
 * a reconciler re-run and a second worker all add nothing.
 */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /** Returns how many reminders this call created (0 when the session moved, ended or was cancelled). */
  async remind(job: ReminderData): Promise<number> {
    const startsAt = new Date(job.startsAt);
    if (this.clock.now() >= startsAt) return 0;
    const delivery = await this.db.transaction(async (tx) => {
      const recipients: { user_id: string; group_id: string }[] = await tx.query(
        `SELECT m.user_id, s.group_id
         FROM discussion_sessions s
         JOIN groups g ON g.id = s.group_id
         JOIN memberships m ON m.group_id = s.group_id
         JOIN users u ON u.id = m.user_id
         LEFT JOIN session_rsvps r ON r.session_id = s.id AND r.user_id = m.user_id
         WHERE s.id = $1 AND s.status = 'scheduled' AND s.starts_at = $2
           AND u.erased_at IS NULL
           AND (u.journey_role = g.audience OR 'admin' = ANY(u.roles))
           AND (r.status IS NULL OR r.status = 'going')`,
        [job.sessionId, startsAt],
      );
      return this.notifications.notifyMany(
        tx,
        recipients.map(({ user_id: userId, group_id: groupId }) => ({
          userId,
          kind: 'session_reminder' as const,
          payload: {
            sessionId: job.sessionId,
            groupId,
            startsAt: startsAt.toISOString(),
            offset: job.offset,
          },
          dedupeKey: `reminder:${job.sessionId}:${job.offset}:${startsAt.getTime()}:${userId}`,
        })),
      );
    });
    delivery.push();
    return delivery.created.length;
  }
}
