import { get } from '../api/client';
import type { Group } from '../api/types';
import { ErrorText } from '../ui/ErrorText';
import { Page } from '../ui/Page';
import { useAsync } from '../ui/use-async';
import { AssignModeratorForm } from './AssignModeratorForm';
import { CreateGroupForm } from './CreateGroupForm';
import { NewMemberReviewForm } from './NewMemberReviewForm';
import { ScheduleSessionForm } from './ScheduleSessionForm';

export function AdminPage() {
  const { data, setData, error } = useAsync(() => get<{ items: Group[] }>('/api/groups'), []);
  const groups = data?.items ?? [];
  return (
    <Page title="Administration" wide>
      <ErrorText message={error} />
      <div class="grid">
        <CreateGroupForm onCreated={(g) => setData({ items: [...groups, g] })} />
        <ScheduleSessionForm groups={groups} />
        <AssignModeratorForm groups={groups} />
        <NewMemberReviewForm
          groups={groups}
          onChanged={(g) => setData({ items: groups.map((x) => (x.id === g.id ? g : x)) })}
        />
      </div>
    </Page>
  );
}
