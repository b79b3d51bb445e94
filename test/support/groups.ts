import type { JourneyRole, Member } from './members';

let counter = 0;

/** A group created by an admin over REST (POST /api/groups). */
export async function createGroup(
  admin: Member,
  audience: JourneyRole = 'betrayed',
  extra: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  const res = await admin
    .post('/api/groups')
    .send({ name: `Circle ${++counter}`, description: 'A test group', audience, ...extra });
  if (res.status !== 201)
    throw new Error(`create group failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Joins over REST, accepting the guidelines. */
export async function joinGroup(member: Member, groupId: string): Promise<void> {
  const res = await member.post(`/api/groups/${groupId}/join`).send({ acceptGuidelines: true });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
}
