import type { Message } from '../api/types';

/** Pure helpers over a room's messages, which are kept sorted by seq without duplicates. */

export function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** Applies a new state of a message already shown; a message not loaded (older history) is left for later. */
export function replaceMessage(current: Message[], next: Message): Message[] {
  return current.some((m) => m.id === next.id)
    ? current.map((m) => (m.id === next.id ? next : m))
    : current;
}

/**
 * Applies a change (`message:updated`, or an item of `…/changes`). A message
 * we never had may arrive this way: a new member's post shown after review
 * keeps its older seq, so it comes as a change rather than as new. It is put
 * in its seq's place when that falls within what is loaded (from the first
 * message held, or anywhere when there is no older history); older ones are
 * read with the history they belong to.
 */
export function applyChange(current: Message[], next: Message, hasOlder: boolean): Message[] {
  if (current.some((m) => m.id === next.id)) return replaceMessage(current, next);
  const withinLoaded = !hasOlder || (current.length > 0 && next.seq > current[0].seq);
  return withinLoaded ? mergeMessages(current, [next]) : current;
}

export function markRemoved(current: Message[], messageId: string): Message[] {
  return current.map((m) => (m.id === messageId ? { ...m, status: 'removed', body: null } : m));
}

export const lastSeqOf = (messages: Message[]): number =>
  messages.length ? messages[messages.length - 1].seq : 0;
