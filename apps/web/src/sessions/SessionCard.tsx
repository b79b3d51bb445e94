import type { Session } from '../api/types';
import { formatDateTime } from '../app/format';
import { navigate } from '../app/router';
import type { UpcomingSession } from './load-upcoming';
import { RsvpButtons } from './RsvpButtons';

export function SessionCard({
  session,
  onChange,
}: {
  session: UpcomingSession;
  onChange: (s: Session) => void;
}) {
  return (
    <li class="card session-card">
      <p class="muted">
        {session.groupName} ·{' '}
        {session.status === 'live' ? 'Live now' : formatDateTime(session.startsAt)}
      </p>
      <h2>{session.topic.title}</h2>
      <p>{session.topic.summary}</p>
      <details>
        <summary>Questions we will talk about</summary>
        <ul>
          {session.topic.prompts.map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
      </details>
      <p class="muted">{session.rsvpCount} going</p>
      {session.status === 'live' ? (
        <button
          type="button"
          class="primary"
          onClick={() => navigate({ name: 'chat', groupId: session.groupId })}
        >
          Join the conversation
        </button>
      ) : (
        <RsvpButtons session={session} onChange={onChange} />
      )}
    </li>
  );
}
