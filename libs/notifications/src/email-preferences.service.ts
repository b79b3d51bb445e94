import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class EmailPreferences {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Sets notificationPrefs.email to false and keeps inApp as it is. Written
   * here as one jsonb update because identity offers no narrower method;
   * an erased member's row matches nothing.
   */
  async turnEmailOff(userId: string): Promise<void> {
    await this.db.query(
      `UPDATE users SET notification_prefs = notification_prefs || '{"email": false}'::jsonb
       WHERE id = $1 AND erased_at IS NULL`,
      [userId],
    );
  }
}
