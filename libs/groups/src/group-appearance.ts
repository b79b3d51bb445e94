import { randomBytes, randomInt } from 'node:crypto';
import { FRIENDLY_WORDS, type PublicUser } from '@kintsugi/identity';

/**
 * How member X appears in group G: the one rule every view that shows a member
 * to a group uses (messages, member lists, presence, typing, the review queue
 * and the audit trail). Under a pseudonym it is the pseudonym's own `{ id,
 * handle }`, which shares nothing with the account or with the member's other
 * groups; otherwise the account's public shape, as API.md has it.
 *
 * Views join it in the query that builds them (never one lookup per row):
 * `pseudonymJoin` goes after the join that gives the user row, and
 * `appearanceColumns` reads `shown_id` / `shown_handle` from both.
 */
export const pseudonymJoin = (alias: string, groupColumn: string, userColumn: string): string =>
  `LEFT JOIN group_pseudonyms ${alias}
     ON ${alias}.group_id = ${groupColumn} AND ${alias}.user_id = ${userColumn} AND ${alias}.active`;

export const appearanceColumns = (pseudonymAlias: string, userAlias: string, prefix = 'shown') =>
  `coalesce(${pseudonymAlias}.id, ${userAlias}.id) AS ${prefix}_id,
   coalesce(${pseudonymAlias}.pseudonym, ${userAlias}.handle) AS ${prefix}_handle,
   (${pseudonymAlias}.id IS NOT NULL) AS ${prefix}_pseudonymous`;

export interface Appearance extends PublicUser {
  /** true when `id` and `handle` are the member's pseudonym in this group. */
  pseudonym: boolean;
}

export const toAppearance = (row: {
  shown_id: string;
  shown_handle: string;
  shown_pseudonymous: boolean;
}): Appearance => ({
  id: row.shown_id,
  handle: row.shown_handle,
  pseudonym: row.shown_pseudonymous,
});

/** Only `{ id, handle }` leaves towards other members. */
export const publicPart = (appearance: Pick<Appearance, 'id' | 'handle'>): PublicUser => ({
  id: appearance.id,
  handle: appearance.handle,
});

// Gentle words, as for generated handles; the hex tail (a generated handle's is three
// digits) and a check against account handles when one is made keep a pseudonym from
// reading as someone's account handle.
/**
 * A fresh pseudonym (`quiet-heron-3f`): two words and two random bytes in hex,
 * drawn from the CSPRNG for each membership, never from the account, so nothing
 * links one group's pseudonym to another's or to the handle.
 */
export function generatePseudonym(): string {
  const word = (list: readonly string[]) => list[randomInt(list.length)];
  return `${word(FRIENDLY_WORDS.qualities)}-${word(FRIENDLY_WORDS.nature)}-${randomBytes(2).toString('hex')}`;
}
