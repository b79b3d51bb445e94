import { Injectable } from '@nestjs/common';

/**
 * The SQL expression for the id of the discussion session live in a group at
 * a time, or NULL; `groupId` and `at` are SQL expressions too. An expression
 * rather than a lookup so that a commit batch stays one statement.
 */
export type LiveSessionSql = (groupId: string, at: string) => string;

/**
 * Where features that chat must not depend on plug in: the sessions feature
 * registers its live-session expression here (sessions depend on chat, not
 * the other way round). Until one is registered, messages carry no sessionId.
 */
@Injectable()
export class ChatExtensions {
  private liveSession: LiveSessionSql = () => 'NULL::uuid';

  setLiveSessionSql(expression: LiveSessionSql): void {
    this.liveSession = expression;
  }

  liveSessionSql(groupId: string, at: string): string {
    return this.liveSession(groupId, at);
  }
}
