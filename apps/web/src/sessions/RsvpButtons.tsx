import { useState } from 'preact/hooks';
import { describeError, post } from '../api/client';
import type { Session } from '../api/types';
import { ErrorText } from '../ui/ErrorText';

export function RsvpButtons({
  session,
  onChange,
}: {
  session: Session;
  onChange: (s: Session) => void;
}) {
  const [error, setError] = useState('');
  const answer = async (status: 'going' | 'not_going') => {
    try {
      const updated = await post<Session | undefined>(`/api/sessions/${session.id}/rsvp`, {
        status,
      });
      const going = (session.myRsvp === 'going' ? -1 : 0) + (status === 'going' ? 1 : 0);
      onChange(
        updated?.id
          ? updated
          : { ...session, myRsvp: status, rsvpCount: session.rsvpCount + going },
      );
      setError('');
    } catch (err) {
      setError(describeError(err));
    }
  };
  return (
    <div class="actions" role="group" aria-label="Will you come?">
      <button
        type="button"
        aria-pressed={session.myRsvp === 'going'}
        onClick={() => answer('going')}
      >
        I’ll be there
      </button>
      <button
        type="button"
        aria-pressed={session.myRsvp === 'not_going'}
        onClick={() => answer('not_going')}
      >
        Can’t make it
      </button>
      <ErrorText message={error} />
    </div>
  );
}
