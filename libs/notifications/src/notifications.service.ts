import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Errors, OutboxService, RealtimeEmitter } from '@kintsugi/platform';
import { EmailJobs } from './email.jobs';
import { Notification } from './notification.entity';
import { isEmailedKind, NotifyInput } from './notification.kinds';
import { NotificationView, toNotificationView } from './notification.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_LIMIT = 200;

/**
 * What a notify call created. Socket pushes must wait for the commit (a
 * member must never see a notification that then rolls back), so the caller
 * calls push() after its transaction; push() acts once however often it is called.
 */
export interface Delivery {
  created: NotificationView[];
  push(): void;
}

interface DeliveryPrefs {
  /** Has an address and wants e-mail. */
  email: boolean;
  inApp: boolean;
}

interface InsertedRow {
  id: string;
  user_id: string;
  kind: Notification['kind'];
  payload: object;
  created_at: Date;
  read_at: Date | null;
}

/**
 * Tells members things, exactly once per dedupe key (DESIGN.md invariant 4):
 * stored always, pushed on the member's personal room when they want in-app
 * notifications, e-mailed (session kinds only) when they have an address and
 * want e-mail. In-app off means no push, not no row: the list stays the
 * member's complete record and what the export shows.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  /** In the caller's transaction (push after commit), or with tx null in its own, pushed at once. */
  notify(tx: EntityManager | null, input: NotifyInput): Promise<Delivery> {
    return this.notifyMany(tx, [input]);
  }

  async notifyMany(tx: EntityManager | null, inputs: NotifyInput[]): Promise<Delivery> {
    if (tx === null) {
      const delivery = await this.db.transaction((own) => this.notifyMany(own, inputs));
      delivery.push();
      return delivery;
    }
    const prefs = await this.preferences(tx, [...new Set(inputs.map((i) => i.userId))]);
    // Erased members have no preferences: nothing is stored for them any more.
    const wanted = inputs.filter((i) => prefs.has(i.userId));
    if (wanted.length === 0) return { created: [], push: () => undefined };
    const rows: InsertedRow[] = await tx.query(
      `INSERT INTO notifications (user_id, kind, payload, dedupe_key)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::jsonb[], $4::varchar[])
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, user_id, kind, payload, created_at, read_at`,
      [
        wanted.map((i) => i.userId),
        wanted.map((i) => i.kind),
        wanted.map((i) => JSON.stringify(i.payload)),
        wanted.map((i) => i.dedupeKey),
      ],
    );
    const emails = rows.filter((row) => isEmailedKind(row.kind) && prefs.get(row.user_id)?.email);
    await this.outbox.add(tx, ...emails.map((row) => EmailJobs.notificationEmail(row.id)));
    return this.delivery(rows, prefs);
  }

  async list(userId: string, unreadOnly: boolean): Promise<NotificationView[]> {
    const rows = await this.db.getRepository(Notification).find({
      where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: LIST_LIMIT,
    });
    return rows.map(toNotificationView);
  }

  /** Marks one of the caller's own notifications read; anyone else's is NOT_FOUND (never FORBIDDEN: ids don't leak). */
  async markRead(userId: string, id: string): Promise<void> {
    if (!UUID.test(id)) throw Errors.notFound('That notification');
    const result = await this.db
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'COALESCE(read_at, now())' })
      .where('id = :id AND user_id = :userId', { id, userId })
      .execute();
    if (!result.affected) throw Errors.notFound('That notification');
  }

  /** For the e-mail processor: the notification as stored, or null when it is gone. */
  findOne(id: string): Promise<Notification | null> {
    return this.db.getRepository(Notification).findOne({ where: { id } });
  }

  /**
   * Runs `send` unless this notification's e-mail already went out, and
   * records that it did, under the notification's row lock: a second job for
   * it (added again after a Redis loss, or on another worker) waits, then
   * sends nothing. Send and record cannot be one atomic step; if the process
   * dies after the mail server took the message and before the commit, the
   * retry sends it again (one duplicate, never a loss). `send` must not use
   * the database: it runs while this transaction holds a connection.
   * Returns false when nothing was sent (already sent, or the member erased).
   */
  emailOnce(notificationId: string, send: () => Promise<unknown>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row]: { emailed_at: Date | null }[] = await tx.query(
        `SELECT emailed_at FROM notifications WHERE id = $1 FOR UPDATE`,
        [notificationId],
      );
      if (!row || row.emailed_at) return false;
      await send();
      await tx.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [notificationId]);
      return true;
    });
  }

  async exportFor(userId: string, tx: EntityManager): Promise<NotificationView[]> {
    const rows = await tx.find(Notification, { where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map(toNotificationView);
  }

  async eraseFor(userId: string, tx: EntityManager): Promise<void> {
    await tx.delete(Notification, { userId });
  }

  /**
   * Who wants what, read in the caller's transaction. Read here rather than
   * through UsersService.contacts(), which takes a second pool connection:
   * holding a transaction while waiting for another connection deadlocks
   * once every connection is held that way (seen under the reminder bench).
   */
  private async preferences(
    tx: EntityManager,
    userIds: string[],
  ): Promise<Map<string, DeliveryPrefs>> {
    const rows: { id: string; email: boolean; in_app: boolean }[] = await tx.query(
      `SELECT id, (email IS NOT NULL AND (notification_prefs->>'email')::boolean) AS email,
         (notification_prefs->>'inApp')::boolean AS in_app
       FROM users WHERE id = ANY($1) AND erased_at IS NULL`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.id, { email: r.email, inApp: r.in_app }]));
  }

  private delivery(rows: InsertedRow[], prefs: Map<string, DeliveryPrefs>): Delivery {
    const created = rows.map((row) =>
      toNotificationView({
        id: row.id,
        kind: row.kind,
        payload: row.payload,
        createdAt: new Date(row.created_at),
        readAt: row.read_at ? new Date(row.read_at) : null,
      }),
    );
    let pushed = false;
    return {
      created,
      push: () => {
        if (pushed) return;
        pushed = true;
        rows.forEach((row, i) => {
          if (prefs.get(row.user_id)?.inApp)
            this.realtime.toUser(row.user_id, 'notification', created[i]);
        });
      },
    };
  }
}
