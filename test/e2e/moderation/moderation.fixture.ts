import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/app';
import { createGroup, joinGroup } from '../../support/groups';
import { JourneyRole, Member, registerMember } from '../../support/members';
import { eventually } from '../../support/eventually';
import type { MessageView } from '@kintsugi/chat';
import type { ReviewItemView } from '@kintsugi/moderation';

/** A group with its own moderator and members, set up over REST as clients would. */
export interface Circle {
  groupId: string;
  name: string;
  moderator: Member;
  members: Member[];
}

export async function moderatedGroup(
  t: TestApp,
  admin: Member,
  audience: JourneyRole = 'betrayed',
  memberCount = 3,
): Promise<Circle> {
  const group = await createGroup(admin, audience);
  const moderator = await registerMember(t, audience);
  await joinGroup(moderator, group.id);
  const promoted = await admin
    .post(`/api/groups/${group.id}/moderators`)
    .send({ userId: moderator.id });
  if (promoted.status !== 201)
    throw new Error(
      `moderator assignment failed: ${promoted.status} ${JSON.stringify(promoted.body)}`,
    );
  const members: Member[] = [];
  for (let i = 0; i < memberCount; i++) {
    const member = await registerMember(t, audience);
    await joinGroup(member, group.id);
    members.push(member);
  }
  return { groupId: group.id, name: group.name, moderator, members };
}

export interface SentMessage {
  id: string;
  groupId: string;
  seq: number;
  body: string | null;
  status: string;
}

export async function post(member: Member, groupId: string, body: string): Promise<SentMessage> {
  const res = await member
    .post(`/api/groups/${groupId}/messages`)
    .send({ body, clientId: randomUUID().replace(/-/g, '') });
  if (res.status !== 201) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The open review item about a message, as `reader` (a moderator or admin) sees the queue. */
export async function openItem(
  reader: Member,
  messageId: string,
  ms = 5000,
): Promise<ReviewItemView> {
  return eventually(async () => {
    const res = await reader.get('/api/moderation/queue?status=open');
    return (res.body.items as ReviewItemView[] | undefined)?.find(
      (i) => i.message.id === messageId,
    );
  }, ms);
}

/** A message as another member reads it in the group's history. */
export async function asSeenBy(
  reader: Member,
  groupId: string,
  messageId: string,
): Promise<MessageView | undefined> {
  const res = await reader.get(`/api/groups/${groupId}/messages?limit=100`);
  return (res.body.items as MessageView[]).find((m) => m.id === messageId);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
