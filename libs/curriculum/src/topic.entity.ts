import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TopicAudience = 'betrayed' | 'unfaithful' | 'both';

/** One section of the guide, loaded by migration, with the project's own summary and prompts. */
@Entity('topics')
export class Topic {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  slug: string;

  @Column({ type: 'int' })
  order: number;

  @Column({ type: 'int' })
  part: number;

  @Column({ name: 'part_title' })
  partTitle: string;

  @Column()
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'varchar' })
  audience: TopicAudience;

  @Column({ type: 'jsonb' })
  prompts: string[];
}
