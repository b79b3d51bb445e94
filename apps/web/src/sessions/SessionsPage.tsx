import { zoneName } from '../app/format';
import { ErrorText } from '../ui/ErrorText';
import { Page } from '../ui/Page';
import { useAsync } from '../ui/use-async';
import { loadUpcoming } from './load-upcoming';
import { SessionCard } from './SessionCard';

export function SessionsPage() {
  const { data, setData, error, loading } = useAsync(loadUpcoming, []);
  return (
    <Page title="Discussions" intro={`Live talks in your groups. Times are in ${zoneName()}.`}>
      <ErrorText message={error} />
      {loading && !data && <p role="status">Loading…</p>}
      {data && data.length === 0 && <p>No talks are planned in your groups yet.</p>}
      <ul class="cards">
        {data?.map((session) => (
          <SessionCard
            key={session.id}
            session={session}
            onChange={(next) =>
              setData((all) => all?.map((s) => (s.id === next.id ? { ...s, ...next } : s)) ?? null)
            }
          />
        ))}
      </ul>
    </Page>
  );
}
