import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One member's check-in for one of their days (unique per member and day: checkins_one_per_day). */
@Entity('checkins')
export class CheckIn {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** `YYYY-MM-DD` in the member's time zone when they recorded it (read as text, never as a Date). */
  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'smallint' })
  safety: number;

  @Column({ type: 'smallint' })
  honesty: number;

  @Column({ type: 'smallint' })
  communication: number;

  @Column({ name: 'self_care', type: 'smallint' })
  selfCare: number;

  @Column({ type: 'smallint' })
  hope: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A member's weekly check-in reminder setting; no row means never switched on. */
@Entity('checkin_reminders')
export class CheckInReminder {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'boolean' })
  weekly: boolean;

  @Column({ name: 'reminders_from', type: 'timestamptz' })
  remindersFrom: Date;

  @Column({ name: 'last_reminded_on', type: 'date', nullable: true })
  lastRemindedOn: string | null;
}
