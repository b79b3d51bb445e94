import { get } from '../api/client';
import type { Group, Session } from '../api/types';

export interface UpcomingSession extends Session {
  groupName: string;
}

const AHEAD_DAYS = 60;

/** The next two months of sessions of every group the member belongs to, soonest first. */
export async function loadUpcoming(): Promise<UpcomingSession[]> {
  const { items: groups } = await get<{ items: Group[] }>('/api/groups');
  const from = new Date(Date.now() - 4 * 3600_000).toISOString();
  const to = new Date(Date.now() + AHEAD_DAYS * 86400_000).toISOString();
  const perGroup = await Promise.all(
    groups
      .filter((g) => g.isMember)
      .map(async (g) => {
        const { items } = await get<{ items: Session[] }>(
          `/api/groups/${g.id}/sessions?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        );
        return items.map((s) => ({ ...s, groupName: g.name }));
      }),
  );
  return perGroup
    .flat()
    .filter((s) => s.status === 'scheduled' || s.status === 'live')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
