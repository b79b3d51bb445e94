import type { ReactionKind } from '../api/types';

/** Worded, not emoji-only: readable everywhere, whatever fonts the device has. */
export const REACTIONS: { kind: ReactionKind; label: string }[] = [
  { kind: 'heart', label: '♥ Heart' },
  { kind: 'hug', label: 'Hug' },
  { kind: 'hear_you', label: 'I hear you' },
  { kind: 'strength', label: 'Strength' },
];
