import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ResolutionAction, ReviewPriority, ReviewReason } from './review-reasons';

export type ReviewStatus = 'open' | 'resolved';

/**
 * What moderators review about one message. A message has at most one open
 * item (partial unique index review_items_one_open): new reasons join it.
 */
@Entity('review_items')
export class ReviewItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar' })
  priority: ReviewPriority;

  @Column({ type: 'varchar' })
  status: ReviewStatus;

  @Column({ type: 'jsonb' })
  reasons: ReviewReason[];

  @Column({ name: 'claimed_by', type: 'uuid', nullable: true })
  claimedBy: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'resolution_action', type: 'varchar', nullable: true })
  resolutionAction: ResolutionAction | null;

  @Column({ name: 'resolution_note', type: 'varchar', nullable: true })
  resolutionNote: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
