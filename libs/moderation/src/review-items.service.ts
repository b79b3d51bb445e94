import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@kintsugi/platform';
import { ReviewItem } from './review-item.entity';
import type { ResolutionAction, ReviewFindings, ReviewPriority } from './review-reasons';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The message an item is about. */
export interface ReviewTarget {
  id: string;
  groupId: string;
  authorId: string;
}

/** What adding findings did to the message's open item. */
export interface ItemChange {
  id: string;
  priority: ReviewPriority;
  /** A new item, or new reasons joined the open one. */
  changed: boolean;
}

/**
 * Opens a message's review item or joins new reasons to its open one, in
 * one statement: the partial unique index (one open item per message) makes
 * a second worker, a retried job or a concurrent flag wait for the first and
 * then join it, never open a second item (DESIGN.md invariant 4). An auto
 * reason already present is not added again, so re-screening changes nothing;
 * member reasons always join (each flag is unique per member already).
 * The item's priority is the highest of its reasons.
 */
const OPEN_OR_JOIN = `
  INSERT INTO review_items AS ri (message_id, group_id, author_id, priority, reasons, created_at)
  VALUES ($1, $2, $3, $4, $5::jsonb, $6)
  ON CONFLICT (message_id) WHERE status = 'open' DO UPDATE SET
    reasons = ri.reasons || (
      SELECT coalesce(jsonb_agg(r), '[]'::jsonb) FROM jsonb_array_elements(EXCLUDED.reasons) r
      WHERE r->>'source' = 'member' OR NOT ri.reasons @> jsonb_build_array(r)),
    priority = (ARRAY['normal', 'high', 'urgent'])[greatest(
      array_position(ARRAY['normal', 'high', 'urgent'], ri.priority::text),
      array_position(ARRAY['normal', 'high', 'urgent'], EXCLUDED.priority::text))]
  WHERE EXISTS (
    SELECT 1 FROM jsonb_array_elements(EXCLUDED.reasons) r
    WHERE r->>'source' = 'member' OR NOT ri.reasons @> jsonb_build_array(r))
  RETURNING id, priority`;

@Injectable()
export class ReviewItemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async addFindings(
    tx: EntityManager,
    target: ReviewTarget,
    findings: ReviewFindings,
  ): Promise<ItemChange> {
    const [row]: { id: string; priority: ReviewPriority }[] = await tx.query(OPEN_OR_JOIN, [
      target.id,
      target.groupId,
      target.authorId,
      findings.priority,
      JSON.stringify(findings.reasons),
      this.clock.now(),
    ]);
    if (row) return { ...row, changed: true };
    const open = await this.openFor(tx, target.id);
    return { id: open!.id, priority: open!.priority, changed: false };
  }

  /**
   * Closes an item nobody decided (a held post shown once its hold passed):
   * resolved with `action`, no actor, and a note saying why. It is not a
   * moderator's action, so it has no audit entry.
   */
  async resolveWithoutModerator(
    tx: EntityManager,
    itemId: string,
    action: ResolutionAction,
    note: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE review_items SET status = 'resolved', resolution_action = $2, resolution_note = $3,
         resolved_by = NULL, resolved_at = $4
       WHERE id = $1 AND status = 'open'`,
      [itemId, action, note, this.clock.now()],
    );
  }

  openFor(tx: EntityManager, messageId: string): Promise<ReviewItem | null> {
    return tx.findOne(ReviewItem, { where: { messageId, status: 'open' } });
  }

  /** An item by id, or null (also for ids that are not UUIDs). */
  find(id: string, tx?: EntityManager, lock = false): Promise<ReviewItem | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return (tx ?? this.db.manager).findOne(ReviewItem, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** Review order: urgent, high, normal, then oldest first. `groupIds` null means every group. */
  list(
    status: ReviewItem['status'],
    groupIds: string[] | null,
    limit: number,
  ): Promise<ReviewItem[]> {
    const query = this.db.manager
      .createQueryBuilder(ReviewItem, 'ri')
      .where('ri.status = :status', { status })
      .orderBy(`array_position(ARRAY['urgent', 'high', 'normal'], ri.priority::text)`)
      .addOrderBy('ri.created_at', 'ASC')
      .addOrderBy('ri.id', 'ASC')
      .limit(limit);
    if (groupIds) query.andWhere('ri.group_id = ANY(:groupIds)', { groupIds });
    return query.getMany();
  }

  /**
   * Member flags on a message since its last review: a message a moderator
   * approved starts counting again, so old flags do not hide it at once.
   */
  async flagsSinceReview(tx: EntityManager, messageId: string): Promise<number> {
    const [row]: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n FROM message_flags f
       WHERE f.message_id = $1 AND f.created_at > coalesce(
         (SELECT max(resolved_at) FROM review_items WHERE message_id = $1 AND status = 'resolved'),
         '-infinity')`,
      [messageId],
    );
    return row.n;
  }
}
