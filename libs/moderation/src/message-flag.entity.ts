import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FlagReason } from './review-reasons';

/** One member's flag on one message; (message, member) is unique, so a member flags a message once. */
@Entity('message_flags')
export class MessageFlag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar' })
  reason: FlagReason;

  @Column({ type: 'varchar', nullable: true })
  note: string | null;

  /** Set from the Clock, so that "flags since the last review" compares like with like. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
