import { randomUUID } from 'node:crypto';
import type { TestApp } from './app';
import { createGroup, joinGroup } from './groups';
import { loginAdmin, Member, registerMember } from './members';

/** A fresh clientId as the contract expects them (32 hex characters). */
export const clientId = (): string => randomUUID().replace(/-/g, '');

export interface ChatCircle {
  admin: Member;
  ana: Member;
  ben: Member;
  groupId: string;
}

/** An admin's group with two members, ana and ben, joined: most chat tests start here. */
export async function chatCircle(t: TestApp): Promise<ChatCircle> {
  const admin = await loginAdmin(t);
  const [ana, ben] = await Promise.all([registerMember(t), registerMember(t)]);
  const groupId = (await createGroup(admin)).id;
  await joinGroup(ana, groupId);
  await joinGroup(ben, groupId);
  return { admin, ana, ben, groupId };
}
