import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ModelCategory } from './screening/model/screening-model';

/** A moderator's decision kept as a labelled example for the screeners (migration 1764086400500). */
@Entity('screening_examples')
export class ScreeningExample {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  /** Categories the moderator found that the screener had missed. */
  @Column({ type: 'text', array: true })
  labels: ModelCategory[];

  /** Categories the screener found that the moderator judged absent. */
  @Column({ type: 'text', array: true })
  absent: ModelCategory[];

  @Column({ type: 'varchar' })
  decision: 'approve' | 'remove';

  /** Which text of the message the decision was about; the text itself stays in the message. */
  @Column({ name: 'body_sha256', type: 'char', length: 64 })
  bodySha256: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
