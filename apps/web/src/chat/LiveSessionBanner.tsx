import type { Session } from '../api/types';
import { formatTime } from '../app/format';

/** While a discussion is live: its topic and prompts, above the conversation. */
export function LiveSessionBanner({ session }: { session: Session }) {
  return (
    <section class="live-banner" aria-labelledby="live-title">
      <h2 id="live-title">
        <span class="live-dot" aria-hidden="true" /> Live discussion until{' '}
        {formatTime(session.endsAt)}: {session.topic.title}
      </h2>
      <details>
        <summary>Topic and questions</summary>
        <p>{session.topic.summary}</p>
        <ul>
          {session.topic.prompts.map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
