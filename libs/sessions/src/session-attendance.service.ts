import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GroupAccessService, GroupsExtensions } from '@kintsugi/groups';
import type { DiscussionSession } from './session.entity';

/**
 * Who attended: members online when the session started or ended (chat's
 * presence, through the groups extension point, where chat registers it)
 * and members who posted during it (their messages carry its sessionId).
 */
@Injectable()
export class SessionAttendanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly groups: GroupsExtensions,
  ) {}

  async recordOnline(session: DiscussionSession): Promise<void> {
    const members = await this.access.memberIds(session.groupId);
    const online = [...(await this.groups.online(session.groupId, members))];
    if (online.length === 0) return;
    await this.db.query(
      `INSERT INTO session_attendance (session_id, user_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [session.id, online],
    );
  }

  async count(session: DiscussionSession): Promise<{ going: number; attended: number }> {
    await this.db.query(
      `INSERT INTO session_attendance (session_id, user_id)
       SELECT DISTINCT $1::uuid, author_id FROM messages WHERE session_id = $1
       ON CONFLICT DO NOTHING`,
      [session.id],
    );
    const [row]: { going: number; attended: number }[] = await this.db.query(
      `SELECT
         (SELECT count(*)::int FROM session_rsvps WHERE session_id = $1 AND status = 'going') AS going,
         (SELECT count(*)::int FROM session_attendance WHERE session_id = $1) AS attended`,
      [session.id],
    );
    return row;
  }
}
