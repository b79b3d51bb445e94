import type { PublicUser } from '../api/types';

/** Presence and typing, in one quiet line. */
export function WhoIsHere({ online, typing }: { online: PublicUser[]; typing: PublicUser[] }) {
  return (
    <div class="who">
      <details>
        <summary>{online.length} here now</summary>
        <ul>
          {online.map((user) => (
            <li key={user.id}>{user.handle}</li>
          ))}
        </ul>
      </details>
      <p class="typing" aria-live="polite">
        {typing.length === 1 && `${typing[0].handle} is typing…`}
        {typing.length > 1 && `${typing.length} people are typing…`}
      </p>
    </div>
  );
}
