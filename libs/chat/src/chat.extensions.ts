import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Answers, for each group asked, the id of the discussion session live in it now (absent: none). */
export type LiveSessionLookup = (
  groupIds: string[],
  tx: EntityManager,
) => Promise<Map<string, string>>;

/**
 * Where features that chat must not depend on plug in: the sessions feature
 * registers its live-session lookup here (sessions depend on chat, not the
 * other way round). Until one is registered, messages carry no sessionId.
 */
@Injectable()
export class ChatExtensions {
  private liveSession: LiveSessionLookup = async () => new Map();

  setLiveSessionLookup(lookup: LiveSessionLookup): void {
    this.liveSession = lookup;
  }

  /** One query for a whole commit batch, whatever the number of groups in it. */
  liveSessionIds(groupIds: string[], tx: EntityManager): Promise<Map<string, string>> {
    return this.liveSession(groupIds, tx);
  }
}
