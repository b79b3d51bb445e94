import type { Me } from '../api/types';
import { signOut } from '../app/session';
import { Page } from '../ui/Page';
import { ContactSettings } from './ContactSettings';
import { DeleteAccount } from './DeleteAccount';
import { ScreenLockSettings } from './ScreenLockSettings';

const ROLE_TEXT = {
  betrayed: 'groups for partners who were betrayed',
  unfaithful: 'groups for partners who were unfaithful',
};

export function AccountPage({ user }: { user: Me }) {
  return (
    <Page title="Account">
      <p>
        You are <strong>{user.handle}</strong>, in {ROLE_TEXT[user.journeyRole]}. Times are shown in{' '}
        {user.timezone}.
      </p>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
      <ScreenLockSettings />
      <ContactSettings user={user} />
      <DeleteAccount />
    </Page>
  );
}
