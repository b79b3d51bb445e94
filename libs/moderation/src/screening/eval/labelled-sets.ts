import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { MODEL_CATEGORIES, type ModelCategory } from '../model/screening-model';

/** One labelled message (LABELS.md). */
export interface LabelledMessage {
  text: string;
  labels: ModelCategory[];
  /** Categories a person judged absent; for the sets' messages, every category not in `labels`. */
  absent: ModelCategory[];
  tags: string[];
}

export const SET_NAMES = ['train', 'dev', 'holdout', 'everyday'] as const;
export type SetName = (typeof SET_NAMES)[number] | 'review';

interface Entry {
  text: string;
  labels: ModelCategory[];
  tags?: string[];
}

export function readSet(name: (typeof SET_NAMES)[number]): LabelledMessage[] {
  const entries = JSON.parse(readFileSync(join(__dirname, `${name}.json`), 'utf8')) as Entry[];
  return entries.map((e) => ({
    text: e.text,
    labels: e.labels,
    absent: MODEL_CATEGORIES.filter((c) => !e.labels.includes(c)),
    tags: e.tags ?? [],
  }));
}

/**
 * The labels moderators gave through the review queue (`screening_examples`), with the text
 * as the message holds it now: an example whose message was edited since is left out, and an
 * erased author's examples are gone with them.
 */
export async function readReviewLabels(databaseUrl: string): Promise<LabelledMessage[]> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query<{
      text: string;
      labels: ModelCategory[];
      absent: ModelCategory[];
    }>(
      `SELECT m.body AS text, e.labels, e.absent
         FROM screening_examples e JOIN messages m ON m.id = e.message_id
        WHERE e.body_sha256 = encode(sha256(convert_to(m.body, 'UTF8')), 'hex')
        ORDER BY e.decided_at, e.message_id`,
    );
    return rows.map((r) => ({ ...r, tags: ['review'] }));
  } finally {
    await pg.end();
  }
}
