import { get } from '../api/client';
import type { Group } from '../api/types';
import { ErrorText } from '../ui/ErrorText';
import { Page } from '../ui/Page';
import { useAsync } from '../ui/use-async';
import { GroupCard } from './GroupCard';

export function GroupsPage() {
  const { data, error, loading } = useAsync(() => get<{ items: Group[] }>('/api/groups'), []);
  const groups = data?.items ?? [];
  return (
    <Page
      title="Groups"
      intro="Small groups of people who have been where you are. Join one to read and talk."
    >
      <ErrorText message={error} />
      {loading && !data && <p role="status">Loading groups…</p>}
      {data && groups.length === 0 && (
        <p>There are no groups for you yet. Please check back soon.</p>
      )}
      <ul class="cards">
        {groups.map((group) => (
          <GroupCard key={group.id} group={group} />
        ))}
      </ul>
    </Page>
  );
}
