import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Answers the id of the discussion session live in a group now, or null. */
export type LiveSessionLookup = (groupId: string, tx: EntityManager) => Promise<string | null>;

/**
 * Where features that chat must not depend on plug in: the sessions feature
 * registers its live-session lookup here (sessions depend on chat, not the
 * other way round). Until one is registered, messages carry no sessionId.
 */
@Injectable()
export class ChatExtensions {
  private liveSession: LiveSessionLookup = async () => null;

  setLiveSessionLookup(lookup: LiveSessionLookup): void {
    this.liveSession = lookup;
  }

  liveSessionId(groupId: string, tx: EntityManager): Promise<string | null> {
    return this.liveSession(groupId, tx);
  }
}
