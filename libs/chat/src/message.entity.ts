import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** `pending`: a new member's post held for review; the group has not seen it (see `withheld`). */
export type MessageStatus = 'visible' | 'hidden' | 'removed' | 'pending';
export type HiddenReason = 'personal_details' | 'flags' | 'review' | 'new_member_review';
export const REACTION_KINDS = ['heart', 'hug', 'hear_you', 'strength'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/**
 * One chat message. `seq` is the group's next number taken in the commit's
 * own transaction (DESIGN.md invariant 3); `change_seq` moves on every later
 * change so that `…/messages/changes` is one cursor.
 */
@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'client_id', type: 'varchar' })
  clientId: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar' })
  status: MessageStatus;

  @Column({ name: 'hidden_reason', type: 'varchar', nullable: true })
  hiddenReason: HiddenReason | null;

  /**
   * The group has never been shown this message (a new member's held post):
   * only its author reads it, in history, changes and on the socket. Cleared
   * when it is shown; kept if it is hidden or removed before that.
   */
  @Column({ type: 'boolean' })
  withheld: boolean;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId: string | null;

  @Column({ name: 'change_seq', type: 'bigint', nullable: true })
  changeSeq: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;
}

/** One member's reaction of one kind to one message. */
@Entity('message_reactions')
export class MessageReaction {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar' })
  kind: ReactionKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
