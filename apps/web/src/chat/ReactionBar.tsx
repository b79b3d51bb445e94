import type { Message, ReactionKind } from '../api/types';
import { REACTIONS } from './reactions';

/** Reactions can be given, not taken back (the API has no undo), so mine show as pressed and stay. */
export function ReactionBar({
  message,
  onReact,
}: {
  message: Message;
  onReact: (kind: ReactionKind) => void;
}) {
  return (
    <div class="reactions" role="group" aria-label="Reactions">
      {REACTIONS.map(({ kind, label }) => {
        const count = message.reactions.counts[kind] ?? 0;
        const mine = message.reactions.mine.includes(kind);
        return (
          <button
            key={kind}
            type="button"
            class="reaction"
            aria-pressed={mine}
            aria-label={`${label}: ${count}`}
            disabled={mine}
            onClick={() => onReact(kind)}
          >
            <span aria-hidden="true">{label}</span>
            {count > 0 && <span aria-hidden="true"> · {count}</span>}
          </button>
        );
      })}
    </div>
  );
}
