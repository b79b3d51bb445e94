import type { ReactionKind } from '../api/types';

export const REACTIONS: { kind: ReactionKind; symbol: string; label: string }[] = [
  { kind: 'heart', symbol: '❤️', label: 'Heart' },
  { kind: 'hug', symbol: '🤗', label: 'Hug' },
  { kind: 'hear_you', symbol: '👂', label: 'I hear you' },
  { kind: 'strength', symbol: '💪', label: 'Strength' },
];
