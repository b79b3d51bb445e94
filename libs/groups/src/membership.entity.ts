import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MembershipRole = 'member' | 'moderator';

@Entity('memberships')
export class Membership {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar' })
  role: MembershipRole;

  @Column({ name: 'joined_at', type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;

  /**
   * Posts counted towards new-member review (a member who joined since it
   * was turned on), up to the group's number; written by the chat's commit.
   */
  @Column({ name: 'new_member_posts', type: 'int', default: 0 })
  newMemberPosts: number;
}
