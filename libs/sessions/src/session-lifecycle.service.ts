import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, RealtimeEmitter } from '@kintsugi/platform';
import { DiscussionSession } from './session.entity';
import type { SessionEndData, SessionStartData } from './session.jobs';
import { SessionAttendanceService } from './session-attendance.service';
import { SessionsService } from './sessions.service';

/**
 * Turns sessions live and ended when their jobs fall due. Each step is one
 * conditional UPDATE on the time the job was planned for, so a job for a
 * session that moved or was cancelled does nothing, and of two workers
 * running the same job only one broadcasts.
 */
@Injectable()
export class SessionLifecycleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly attendance: SessionAttendanceService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async start(job: SessionStartData): Promise<void> {
    const [rows]: [{ id: string }[], number] = await this.db.query(
      `UPDATE discussion_sessions SET status = 'live'
       WHERE id = $1 AND status = 'scheduled' AND starts_at = $2 AND ends_at > $3 RETURNING id`,
      [job.sessionId, new Date(job.startsAt), this.clock.now()],
    );
    if (rows.length === 0) return;
    const session = await this.reload(job.sessionId);
    await this.attendance.recordOnline(session);
    const [view] = await this.sessions.views([session], null);
    this.realtime.toGroup(session.groupId, 'session:started', { session: view });
  }

  async end(job: SessionEndData): Promise<void> {
    const [rows]: [{ id: string }[], number] = await this.db.query(
      `UPDATE discussion_sessions SET status = 'ended'
       WHERE id = $1 AND status IN ('scheduled', 'live') AND ends_at = $2 RETURNING id`,
      [job.sessionId, new Date(job.endsAt)],
    );
    if (rows.length === 0) return;
    const session = await this.reload(job.sessionId);
    await this.attendance.recordOnline(session);
    const attendance = await this.attendance.count(session);
    const [view] = await this.sessions.views([session], null);
    this.realtime.toGroup(session.groupId, 'session:ended', { session: view, attendance });
  }

  private reload(id: string): Promise<DiscussionSession> {
    return this.db.getRepository(DiscussionSession).findOneOrFail({ where: { id } });
  }
}
