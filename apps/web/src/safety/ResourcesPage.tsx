import { Page } from '../ui/Page';
import { ResourceList } from './ResourceList';
import { STANDING_RESOURCES } from './resources';

export function ResourcesPage() {
  return (
    <Page title="Help right now">
      <p>
        If you are in danger or thinking about hurting yourself, please reach out now. You do not
        have to explain everything; saying “I need to talk to someone” is enough.
      </p>
      <ResourceList resources={STANDING_RESOURCES} />
      <p class="muted">
        The people in your group care, but they are peers, not a crisis service. Moderators can see
        urgent messages and will check in, but a helpline can answer straight away.
      </p>
    </Page>
  );
}
