import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, canonicalTimeZone, isAdmin } from '@kintsugi/identity';
import { type CreateGroupDto, REVIEW_POSTS, type UpdateGroupDto } from './groups.dto';
import { GroupAccessService } from './group-access.service';
import { GroupsExtensions } from './groups.extensions';
import { GroupErrors } from './groups.errors';
import { DEFAULT_GUIDELINES } from './guidelines';
import { GROUP_COLUMNS, GroupRow, GroupView, MY_PSEUDONYM, toGroupView } from './group.view';

const DEFAULT_CAPACITY = 20;

@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly extensions: GroupsExtensions,
  ) {}

  /**
   * The groups a member may see: their own audience only, minus those they
   * are banned from; an admin sees every group.
   */
  async list(user: AuthUser): Promise<GroupView[]> {
    const rows: GroupRow[] = await this.db.query(
      `SELECT ${GROUP_COLUMNS},
         EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id AND m.user_id = $1) AS is_member,
         ${MY_PSEUDONYM('$1')}
       FROM groups g
       WHERE $2 OR (g.audience = $3 AND NOT EXISTS (
         SELECT 1 FROM group_sanctions s
         WHERE s.group_id = g.id AND s.user_id = $1 AND s.kind = 'ban'))
       ORDER BY g.created_at, g.id`,
      [user.id, isAdmin(user), user.journeyRole],
    );
    return this.withNextSessions(rows, user);
  }

  /** Creating a group does not make the admin a member (API.md). */
  async create(admin: AuthUser, input: CreateGroupDto): Promise<GroupView> {
    const [{ id }]: { id: string }[] = await this.db.query(
      `INSERT INTO groups (name, description, audience, capacity, timezone, guidelines,
                           new_member_review, new_member_review_posts, new_member_review_since)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $7 THEN now() END) RETURNING id`,
      [
        input.name.trim(),
        input.description.trim(),
        input.audience,
        input.capacity ?? DEFAULT_CAPACITY,
        canonicalTimeZone(input.timezone ?? 'UTC'),
        input.guidelines?.trim() ?? DEFAULT_GUIDELINES,
        input.newMemberReview?.enabled ?? false,
        input.newMemberReview?.posts ?? REVIEW_POSTS.default,
      ],
    );
    return this.view(id, admin);
  }

  /**
   * The capacity check and the write are one statement on the locked row, so
   * a join racing this change cannot leave more members than seats.
   * Turning new-member review on (from off) starts it now: the members who
   * join from then on are its new members (`new_member_review_since`).
   */
  async update(admin: AuthUser, groupId: string, changes: UpdateGroupDto): Promise<GroupView> {
    return this.db
      .transaction(async (tx) => {
        const [current]: { member_count: number }[] = await tx.query(
          `SELECT member_count FROM groups WHERE id = $1 FOR UPDATE`,
          [groupId],
        );
        if (!current) throw GroupErrors.notFound();
        if (changes.capacity !== undefined && changes.capacity < current.member_count) {
          throw GroupErrors.capacityBelowMembers(current.member_count);
        }
        await tx.query(
          `UPDATE groups SET
           name = COALESCE($2, name),
           description = COALESCE($3, description),
           capacity = COALESCE($4, capacity),
           timezone = COALESCE($5, timezone),
           guidelines = COALESCE($6, guidelines),
           new_member_review = COALESCE($7, new_member_review),
           new_member_review_posts = COALESCE($8, new_member_review_posts),
           new_member_review_since = CASE WHEN $7 AND NOT new_member_review THEN now()
                                          ELSE new_member_review_since END
         WHERE id = $1`,
          [
            groupId,
            changes.name?.trim() ?? null,
            changes.description?.trim() ?? null,
            changes.capacity ?? null,
            changes.timezone ? canonicalTimeZone(changes.timezone) : null,
            changes.guidelines?.trim() ?? null,
            changes.newMemberReview?.enabled ?? null,
            changes.newMemberReview?.posts ?? null,
          ],
        );
        return groupId;
      })
      .then((id) => this.view(id, admin));
  }

  /** A group as the caller may see it: own audience and not banned, or an admin. */
  async get(user: AuthUser, groupId: string): Promise<GroupView> {
    await this.access.require(user, groupId, 'view');
    return this.view(groupId, user);
  }

  private async view(groupId: string, viewer: AuthUser): Promise<GroupView> {
    const rows: GroupRow[] = await this.db.query(
      `SELECT ${GROUP_COLUMNS},
         EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id AND m.user_id = $2) AS is_member,
         ${MY_PSEUDONYM('$2')}
       FROM groups g WHERE g.id = $1`,
      [groupId, viewer.id],
    );
    if (rows.length === 0) throw GroupErrors.notFound();
    const [view] = await this.withNextSessions(rows, viewer);
    return view;
  }

  private async withNextSessions(rows: GroupRow[], viewer: AuthUser): Promise<GroupView[]> {
    const next = await this.extensions.nextSessions(
      rows.map((r) => r.id),
      viewer.id,
    );
    return rows.map((row) =>
      toGroupView(row, next.get(row.id) ?? null, { id: viewer.id, handle: viewer.handle }),
    );
  }
}
