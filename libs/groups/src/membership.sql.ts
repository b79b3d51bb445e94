/**
 * Ends a membership ($1 group, $2 user) and shrinks the group's count in one
 * statement, so the count moves only when a row really went (a second leave,
 * or a ban of someone who already left, changes nothing).
 */
export const LEAVE_GROUP = `
  WITH removed AS (
    DELETE FROM memberships WHERE group_id = $1 AND user_id = $2 RETURNING group_id
  )
  UPDATE groups g SET member_count = g.member_count - 1 FROM removed r WHERE g.id = r.group_id`;

/** Ends every membership of a user ($1), each group's count shrinking with it. */
export const LEAVE_ALL_GROUPS = `
  WITH removed AS (DELETE FROM memberships WHERE user_id = $1 RETURNING group_id)
  UPDATE groups g SET member_count = g.member_count - 1 FROM removed r WHERE g.id = r.group_id`;

/**
 * Takes a seat if one is free ($1 group): the row lock of the UPDATE makes
 * concurrent joins queue, and each re-reads member_count after the one before
 * it, so a group never holds more than its capacity. Returns no row when full.
 */
export const TAKE_SEAT = `
  WITH seat AS (
    UPDATE groups SET member_count = member_count + 1
    WHERE id = $1 AND member_count < capacity RETURNING id
  )
  SELECT id FROM seat`;

/** Ends a user's ($1) memberships of groups not of the audience $2, each group's count shrinking with it. */
export const LEAVE_OTHER_AUDIENCE_GROUPS = `
  WITH removed AS (
    DELETE FROM memberships m USING groups g
    WHERE m.user_id = $1 AND g.id = m.group_id AND g.audience <> $2
    RETURNING m.group_id
  )
  UPDATE groups g SET member_count = g.member_count - 1 FROM removed r WHERE g.id = r.group_id`;
