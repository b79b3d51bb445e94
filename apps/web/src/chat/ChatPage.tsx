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
      <ErrorText message={error} />
      <ChatRoomView groupId={groupId} myId={user.id} />
    </section>
  );
}
