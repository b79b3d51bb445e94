import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CrisisResources, screenMessage } from '@kintsugi/moderation';
import { NotificationsService } from '@kintsugi/notifications';
import { CheckIn } from './checkin.entity';

/**
 * Screens a check-in's private note for crisis, and nothing else. A crisis signal sends its
 * author the crisis resources, as a message's does, and goes nowhere else: no review item, no
 * moderator alert, no log line with the note. Moderators hear of it only if the member asks
 * (README, "Check-ins").
 *
 * Only the in-process screeners run (screenMessage), never the operator's external moderation
 * service: a private note must not leave the platform. Other findings (personal details, abuse,
 * "possible" crisis) are dropped: the note is written to no one, so there is no one to protect
 * from it, and a grey-band guess would send resources on a hunch to someone who asked for none.
 */
@Injectable()
export class CheckInScreeningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly crisisResources: CrisisResources,
  ) {}

  /** Idempotent: the notification's dedupe key is the check-in's, so a retried job tells them once. */
  async screen(checkInId: string): Promise<void> {
    const checkIn = await this.db.getRepository(CheckIn).findOne({
      where: { id: checkInId },
      select: { id: true, userId: true, note: true },
    });
    // Deleted meanwhile, or no note: nothing to screen.
    if (!checkIn?.note) return;
    const verdict = screenMessage(checkIn.note);
    if (!verdict.findings.some((f) => f.category === 'crisis')) return;
    await this.notifications.notify(null, {
      userId: checkIn.userId,
      kind: 'crisis_resources',
      payload: { messageId: null, checkInId, resources: [...this.crisisResources.list] },
      dedupeKey: `crisis-checkin:${checkInId}`,
    });
  }
}
