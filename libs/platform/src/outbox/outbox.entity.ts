import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * "Enqueue job X with id Y", written in the same transaction as the change
 * that needs it, and kept until the job has done its work.
 */
@Entity('outbox')
export class OutboxRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column()
  queue: string;

  @Column({ name: 'job_name' })
  jobName: string;

  @Column({ name: 'job_id' })
  jobId: string;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ name: 'run_at', type: 'timestamptz', nullable: true })
  runAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** The relay may join it with other unsent joinable rows of its queue and name (JobSpec). */
  @Column({ default: false })
  joinable: boolean;

  /** When its job did its work; until then the job is owed, and re-added if Redis lost it. */
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;
}
