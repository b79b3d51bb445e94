import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JourneyRole } from '@kintsugi/identity';

/** A small peer group for one audience only; `last_seq` hands out message seqs in commit order. */
@Entity('groups')
export class Group {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  @Column()
  description: string;

  @Column({ type: 'varchar' })
  audience: JourneyRole;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ name: 'member_count', type: 'int' })
  memberCount: number;

  @Column()
  timezone: string;

  @Column({ type: 'text' })
  guidelines: string;

  @Column({ name: 'last_seq', type: 'bigint' })
  lastSeq: string;

  /** Hold each member's first `newMemberReviewPosts` messages for review (off by default). */
  @Column({ name: 'new_member_review', type: 'boolean' })
  newMemberReview: boolean;

  /** 1–20; kept while review is off, so switching it back on restores it. */
  @Column({ name: 'new_member_review_posts', type: 'int' })
  newMemberReviewPosts: number;

  /** When review was last turned on: members who joined since are its new members. */
  @Column({ name: 'new_member_review_since', type: 'timestamptz', nullable: true })
  newMemberReviewSince: Date | null;

  /** The guide topic (its `order`) the group's last scheduled session took. */
  @Column({ name: 'last_topic_order', type: 'int' })
  lastTopicOrder: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
