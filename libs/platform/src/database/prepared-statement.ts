import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * A statement of a hot path that PostgreSQL parses and plans once per
 * connection and then reuses: a chat send's access check and commit batch
 * would otherwise spend a third to a half of their time being planned again.
 * Errors are node-postgres's own (`code` is the SQLSTATE).
 */
export class PreparedStatement<Row extends QueryResultRow> {
  /** Named after the text, so a different text never meets an old plan. */
  private readonly name: string;

  constructor(private readonly text: string) {
    this.name = `kintsugi_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  }

  /** On a connection the caller holds (its session state, such as locks, matters). */
  async runOn(runner: QueryRunner, values: unknown[]): Promise<Row[]> {
    const client = (await runner.connect()) as PoolClient;
    const result = await client.query<Row>({ name: this.name, text: this.text, values });
    return result.rows;
  }

  /** On any pooled connection, outside transactions. */
  async run(db: DataSource, values: unknown[]): Promise<Row[]> {
    const runner = db.createQueryRunner();
    try {
      return await this.runOn(runner, values);
    } finally {
      await runner.release();
    }
  }
}
