import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Errors } from '@kintsugi/platform';
import type { AuthUser, PublicUser } from '@kintsugi/identity';
import {
  type Appearance,
  appearanceColumns,
  generatePseudonym,
  pseudonymJoin,
  toAppearance,
} from './group-appearance';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = '23505';
const NAME_ATTEMPTS = 8;

/** (group, member) pairs, as asked: key `${groupId}:${userId}`. */
export const appearanceKey = (groupId: string, userId: string) => `${groupId}:${userId}`;

/**
 * Per-group pseudonyms: choosing one, "how member X appears in group G" for
 * views that are not built by one query (presence, typing, the review queue,
 * the audit trail), and the admins' audited lookup of the account behind one.
 */
@Injectable()
export class PseudonymsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * How each (group, member) pair appears, in one query; an erased member
   * (or one who does not exist) is absent from the map.
   */
  async appearances(
    pairs: { groupId: string; userId: string }[],
    tx?: EntityManager,
  ): Promise<Map<string, Appearance>> {
    if (pairs.length === 0) return new Map();
    const rows: {
      group_id: string;
      user_id: string;
      shown_id: string;
      shown_handle: string;
      shown_pseudonymous: boolean;
    }[] = await (tx ?? this.db.manager).query(
      `SELECT q.group_id, u.id AS user_id, ${appearanceColumns('gp', 'u')}
         FROM unnest($1::uuid[], $2::uuid[]) AS q(group_id, user_id)
         JOIN users u ON u.id = q.user_id AND u.erased_at IS NULL
         ${pseudonymJoin('gp', 'q.group_id', 'q.user_id')}`,
      [pairs.map((p) => p.groupId), pairs.map((p) => p.userId)],
    );
    return new Map(rows.map((r) => [appearanceKey(r.group_id, r.user_id), toAppearance(r)]));
  }

  /** How these members appear in one group, by member. */
  inGroup(groupId: string, userIds: string[]): Promise<Map<string, Appearance>> {
    return this.appearancesBy(userIds, (userId) => ({ groupId, userId }));
  }

  /** How one member appears in each of these groups, by group. */
  ofMember(userId: string, groupIds: string[]): Promise<Map<string, Appearance>> {
    return this.appearancesBy(groupIds, (groupId) => ({ groupId, userId }));
  }

  private async appearancesBy(
    ids: string[],
    pairOf: (id: string) => { groupId: string; userId: string },
  ): Promise<Map<string, Appearance>> {
    const found = await this.appearances(ids.map(pairOf));
    return new Map(
      ids.flatMap((id) => {
        const { groupId, userId } = pairOf(id);
        const a = found.get(appearanceKey(groupId, userId));
        return a ? [[id, a] as const] : [];
      }),
    );
  }

  /**
   * Turns the member's pseudonym in the group on or off, inside the caller's
   * transaction. The first time it is turned on one is made (random, checked
   * against account handles); after that the same one comes back, so a
   * member is the same pseudonym in a group for as long as they use one.
   */
  async choose(tx: EntityManager, groupId: string, userId: string, on: boolean): Promise<void> {
    if (!on) {
      await tx.query(
        `UPDATE group_pseudonyms SET active = false WHERE group_id = $1 AND user_id = $2`,
        [groupId, userId],
      );
      return;
    }
    for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      const name = generatePseudonym();
      // A savepoint, so that a name taken meanwhile costs one more try, not the transaction.
      const taken = await tx
        .query(`SAVEPOINT pseudonym`)
        .then(() =>
          tx.query(
            `INSERT INTO group_pseudonyms (group_id, user_id, pseudonym)
             SELECT $1::uuid, $2::uuid, $3::varchar
             WHERE NOT EXISTS (SELECT 1 FROM users WHERE lower(handle) = lower($3::varchar))
             ON CONFLICT (group_id, user_id) DO UPDATE SET active = true
             RETURNING id`,
            [groupId, userId, name],
          ),
        )
        .then(async (rows: unknown[]) => {
          await tx.query(`RELEASE SAVEPOINT pseudonym`);
          return rows.length === 0;
        })
        .catch(async (error: { code?: string }) => {
          await tx.query(`ROLLBACK TO SAVEPOINT pseudonym`);
          if (error.code === UNIQUE_VIOLATION) return true;
          throw error;
        });
      if (!taken) return;
    }
    throw new Error('No free pseudonym found');
  }

  /**
   * The account behind an id a group's member was shown (a pseudonym's id or
   * the account's own), for a door that takes a member's id from a group
   * view (an admin naming a moderator). Only a pseudonym of that group counts.
   */
  async accountIdFor(groupId: string, shownId: string, tx?: EntityManager): Promise<string> {
    const [row]: { user_id: string }[] = await (tx ?? this.db.manager).query(
      `SELECT user_id FROM group_pseudonyms WHERE id = $1 AND group_id = $2`,
      [shownId, groupId],
    );
    return row?.user_id ?? shownId;
  }

  /**
   * An admin resolves a pseudonym (its name or its id) to the account behind
   * it. Every lookup, found or not, is recorded in the append-only
   * `pseudonym_lookups` in the same transaction as the answer.
   */
  async resolve(admin: AuthUser, asked: string): Promise<PublicUser> {
    // Recorded as asked, up to the record's 64 characters (no pseudonym is longer).
    const query = asked.slice(0, 64);
    // The record is committed before a miss is answered: fishing is recorded too.
    const account = await this.db.transaction(async (tx) => {
      const rows: { pseudonym_id: string; group_id: string; user_id: string; handle: string }[] =
        await tx.query(
          `SELECT gp.id AS pseudonym_id, gp.group_id, u.id AS user_id, u.handle
           FROM group_pseudonyms gp JOIN users u ON u.id = gp.user_id
           WHERE ${UUID.test(query) ? 'gp.id = $1::uuid' : 'lower(gp.pseudonym) = lower($1)'}`,
          [query],
        );
      const found = rows[0];
      await tx.query(
        `INSERT INTO pseudonym_lookups (admin_id, query, pseudonym_id, group_id, user_id)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          admin.id,
          query,
          found?.pseudonym_id ?? null,
          found?.group_id ?? null,
          found?.user_id ?? null,
        ],
      );
      return found ? { id: found.user_id, handle: found.handle } : null;
    });
    if (!account) throw Errors.notFound('That pseudonym');
    return account;
  }

  /** The record of lookups, newest first (admins). */
  async lookups(limit = 200): Promise<PseudonymLookupView[]> {
    const rows: {
      id: string;
      admin_id: string;
      admin_handle: string;
      query: string;
      pseudonym_id: string | null;
      group_id: string | null;
      user_id: string | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT l.id, l.admin_id, a.handle AS admin_handle, l.query, l.pseudonym_id, l.group_id,
              l.user_id, l.created_at
       FROM pseudonym_lookups l JOIN users a ON a.id = l.admin_id
       ORDER BY l.created_at DESC, l.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id,
      admin: { id: r.admin_id, handle: r.admin_handle },
      query: r.query,
      found: r.pseudonym_id !== null,
      groupId: r.group_id,
      userId: r.user_id,
      createdAt: r.created_at.toISOString(),
    }));
  }
}

export interface PseudonymLookupView {
  id: string;
  admin: PublicUser;
  /** What the admin asked for, as typed. */
  query: string;
  found: boolean;
  groupId: string | null;
  /** The account it resolved to. */
  userId: string | null;
  createdAt: string;
}
