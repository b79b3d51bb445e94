import { get } from '../api/client';
import type { Group, Me } from '../api/types';
import { navigate } from '../app/router';
import { ErrorText } from '../ui/ErrorText';
import { useAsync } from '../ui/use-async';
import { ChatRoomView } from './ChatRoomView';

export function ChatPage({ groupId, user }: { groupId: string; user: Me }) {
  const { data: group, error } = useAsync(() => get<Group>(`/api/groups/${groupId}`), [groupId]);
  return (
    <section class="page chat">
      <div class="chat-head">
        <button type="button" class="link" onClick={() => navigate({ name: 'groups' })}>
          ← Groups
        </button>
        <h1 tabIndex={-1}>{group?.name ?? 'Group'}</h1>
      </div>
      {group?.appearance?.pseudonym && (
        <p class="muted pseudonym-note">
          In this group you appear as <strong>{group.appearance.handle}</strong>.
        </p>
      )}
      <ErrorText message={error} />
      {/* Under a pseudonym my messages carry its id here, not my account's: wait for the group. */}
      {(group || error) && (
        <ChatRoomView groupId={groupId} myId={group?.appearance?.id ?? user.id} />
      )}
    </section>
  );
}
