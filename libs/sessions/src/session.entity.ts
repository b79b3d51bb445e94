import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type SessionStatus = 'scheduled' | 'live' | 'ended' | 'cancelled';
export type RsvpStatus = 'going' | 'not_going';

/** A live discussion of one guide topic, stored in UTC. */
@Entity('discussion_sessions')
export class DiscussionSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId: string | null;

  @Column({ name: 'topic_id', type: 'uuid' })
  topicId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar' })
  status: SessionStatus;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When startsAt was last set: reminders due before this were skipped (see the migration). */
  @Column({ name: 'reminders_from', type: 'timestamptz' })
  remindersFrom: Date;
}

@Entity('session_rsvps')
export class SessionRsvp {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar' })
  status: RsvpStatus;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Who was there: online at the start or the end, or posted during it. */
@Entity('session_attendance')
export class SessionAttendance {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;
}
