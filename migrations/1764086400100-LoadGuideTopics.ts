import { MigrationInterface, QueryRunner } from 'typeorm';
import { GUIDE_TOPICS } from './data/guide-topics';

/** Loads the 30 topics of the guide so that a fresh database has the whole curriculum. */
export class LoadGuideTopics1764086400100 implements MigrationInterface {
  name = 'LoadGuideTopics1764086400100';

  async up(db: QueryRunner): Promise<void> {
    for (const topic of GUIDE_TOPICS) {
      await db.query(
        `INSERT INTO topics (slug, "order", part, part_title, title, summary, audience, prompts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          topic.slug,
          topic.order,
          topic.part,
          topic.partTitle,
          topic.title,
          topic.summary,
          topic.audience,
          JSON.stringify(topic.prompts),
        ],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM topics WHERE slug = ANY($1)`, [GUIDE_TOPICS.map((t) => t.slug)]);
  }
}
