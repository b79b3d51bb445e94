import { useEffect, useState } from 'preact/hooks';
import { describeError, get, post } from '../api/client';
import type { Group, GroupMember } from '../api/types';
import { ErrorText } from '../ui/ErrorText';
import { GroupSelect } from './GroupSelect';

/** Makes a member of a group its moderator (they must have joined it). */
export function AssignModeratorForm({ groups }: { groups: Group[] }) {
  const [groupId, setGroupId] = useState('');
  const [members, setMembers] = useState<GroupMember[]>([]);
  const [userId, setUserId] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  useEffect(() => {
    setMembers([]);
    setUserId('');
    if (!groupId) return;
    get<{ items: GroupMember[] }>(`/api/groups/${groupId}/members`).then(
      ({ items }) => setMembers(items),
      (err) => setError(describeError(err)),
    );
  }, [groupId]);

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await post(`/api/groups/${groupId}/moderators`, { userId });
      setDone('Moderator assigned.');
      setError('');
    } catch (err) {
      setError(describeError(err));
    }
  };

  const candidates = members.filter((m) => m.user && m.role === 'member');
  return (
    <form class="stack card" onSubmit={submit} aria-labelledby="assign-title">
      <h2 id="assign-title">Assign a moderator</h2>
      <GroupSelect id="assign-group" groups={groups} value={groupId} onChange={setGroupId} />
      <div class="field">
        <label for="assign-user">Member</label>
        <select
          id="assign-user"
          required
          value={userId}
          onChange={(e) => setUserId(e.currentTarget.value)}
        >
          <option value="">
            {groupId && candidates.length === 0 ? 'No members to choose from' : 'Choose a member'}
          </option>
          {candidates.map((m) => (
            <option key={m.user!.id} value={m.user!.id}>
              {m.user!.handle}
            </option>
          ))}
        </select>
      </div>
      <ErrorText message={error} />
      {done && <p role="status">{done}</p>}
      <button type="submit" class="primary">
        Make moderator
      </button>
    </form>
  );
}
