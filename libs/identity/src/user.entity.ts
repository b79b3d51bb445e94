import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type JourneyRole = 'betrayed' | 'unfaithful';
export const JOURNEY_ROLES: readonly JourneyRole[] = ['betrayed', 'unfaithful'];
export type PlatformRole = 'member' | 'moderator' | 'admin';
export const PLATFORM_ROLES: readonly PlatformRole[] = ['member', 'moderator', 'admin'];

export interface NotificationPrefs {
  email: boolean;
  inApp: boolean;
}

/**
 * A pseudonymous account. After erasure the row stays as a tombstone holding
 * only id, handle and role, so authorship reads as null and nobody can take
 * the handle to pose as the erased member.
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  handle: string;

  @Column({ name: 'journey_role', type: 'varchar' })
  journeyRole: JourneyRole;

  @Column({ type: 'text', array: true, default: () => `'{member}'` })
  roles: PlatformRole[];

  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'varchar', nullable: true })
  email: string | null;

  @Column({ type: 'varchar', nullable: true })
  timezone: string | null;

  @Column({ name: 'notification_prefs', type: 'jsonb' })
  notificationPrefs: NotificationPrefs;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
