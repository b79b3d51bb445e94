import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReviewItem } from './review-item.entity';
import type { ReviewReason } from './review-reasons';
import type { ModelCategory } from './screening/model/screening-model';
import { THREAT_DETAIL } from './screening/screener';

/** Member flag reasons that name a screening category. */
const FLAGGED_AS: Partial<Record<string, ModelCategory>> = {
  crisis: 'crisis',
  harassment: 'abuse',
  identifying_info: 'personal_details',
};

function screenedAs(reason: ReviewReason): ModelCategory | null {
  if (reason.source !== 'auto') return null;
  if (reason.category === 'abuse') return reason.detail === THREAT_DETAIL ? 'threat' : 'abuse';
  return reason.category === 'crisis' || reason.category === 'personal_details'
    ? reason.category
    : null;
}

/**
 * The review queue as a teacher (issue 13): when a moderator approves a message the screener hid,
 * or removes one for what members flagged and the screener missed, the decision becomes a
 * labelled example that `npm run eval:screening -- --review-labels` scores and
 * `npm run train:screening -- --review-labels` learns from.
 */
@Injectable()
export class ScreeningExamplesService {
  /** Called inside the resolution's transaction, with the message as it was before the action. */
  async learnFrom(
    tx: EntityManager,
    item: ReviewItem,
    message: { id: string; body: string; status: string } | null,
  ): Promise<void> {
    if (!message) return;
    const screened = new Set(item.reasons.map(screenedAs).filter((c) => c !== null));
    let labels: ModelCategory[] = [];
    let absent: ModelCategory[] = [];
    if (item.resolutionAction === 'approve' && message.status === 'hidden')
      absent = screened.has('personal_details') ? ['personal_details'] : [];
    if (item.resolutionAction === 'remove')
      labels = [
        ...new Set(
          item.reasons
            .filter((r) => r.source === 'member')
            .map((r) => FLAGGED_AS[r.category])
            .filter((c): c is ModelCategory => c !== undefined && !screened.has(c)),
        ),
      ];
    if (labels.length === 0 && absent.length === 0) return;
    await tx.query(
      `INSERT INTO screening_examples (message_id, labels, absent, decision, body_sha256, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (message_id) DO UPDATE SET labels = EXCLUDED.labels, absent = EXCLUDED.absent,
         decision = EXCLUDED.decision, body_sha256 = EXCLUDED.body_sha256,
         decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at`,
      [
        message.id,
        labels,
        absent,
        item.resolutionAction,
        createHash('sha256').update(message.body, 'utf8').digest('hex'),
        item.resolvedBy,
        item.resolvedAt,
      ],
    );
  }

  /** Erasure: the author's messages stay for the group, but teach nothing any more. */
  async eraseFor(userId: string, tx: EntityManager): Promise<void> {
    await tx.query(
      `DELETE FROM screening_examples e USING messages m WHERE m.id = e.message_id AND m.author_id = $1`,
      [userId],
    );
  }
}
