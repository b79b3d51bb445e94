import { Injectable } from '@nestjs/common';

/** Which of these members of the group are online now (chat's presence). */
export type OnlineLookup = (groupId: string, userIds: string[]) => Promise<ReadonlySet<string>>;

/**
 * The next scheduled or live session of each group, as the viewer sees it
 * (sessions' view, with their RSVP). Groups without one are left out.
 */
export type NextSessionLookup = (
  groupIds: string[],
  viewerId: string,
) => Promise<ReadonlyMap<string, object>>;

/**
 * Where later features plug into what groups show: chat registers presence,
 * sessions the next session. Groups depends on neither; until one registers,
 * members read as offline and `nextSession` as null.
 */
@Injectable()
export class GroupsExtensions {
  private onlineLookup?: OnlineLookup;
  private nextSessionLookup?: NextSessionLookup;

  setOnlineLookup(lookup: OnlineLookup): void {
    this.onlineLookup = lookup;
  }

  setNextSessionLookup(lookup: NextSessionLookup): void {
    this.nextSessionLookup = lookup;
  }

  async online(groupId: string, userIds: string[]): Promise<ReadonlySet<string>> {
    if (!this.onlineLookup || userIds.length === 0) return new Set();
    return this.onlineLookup(groupId, userIds);
  }

  async nextSessions(groupIds: string[], viewerId: string): Promise<ReadonlyMap<string, object>> {
    if (!this.nextSessionLookup || groupIds.length === 0) return new Map();
    return this.nextSessionLookup(groupIds, viewerId);
  }
}
