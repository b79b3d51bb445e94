import type { LiveSessionSql } from '@kintsugi/chat';

/**
 * The session under way in a group at a time (the latest started, should two
 * overlap): messages sent meanwhile carry its id. Chat folds this expression
 * into its commit statement.
 */
export const liveSessionSql: LiveSessionSql = (groupId, at) => `(
  SELECT s.id FROM discussion_sessions s
  WHERE s.group_id = ${groupId} AND s.status IN ('scheduled', 'live')
    AND s.starts_at <= ${at} AND s.ends_at > ${at}
  ORDER BY s.starts_at DESC LIMIT 1)`;
