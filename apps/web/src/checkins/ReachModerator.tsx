import { useState } from 'preact/hooks';
import { describeError, get } from '../api/client';
import type { Group, GroupMember } from '../api/types';
import { navigate } from '../app/router';
import { ErrorText } from '../ui/ErrorText';

interface ModeratedGroup {
  group: Group;
  moderators: GroupMember[];
}

async function myGroupsAndModerators(): Promise<ModeratedGroup[]> {
  const { items } = await get<{ items: Group[] }>('/api/groups');
  return Promise.all(
    items
      .filter((g) => g.isMember)
      .map(async (group) => {
        const members = await get<{ items: GroupMember[] }>(`/api/groups/${group.id}/members`);
        return { group, moderators: members.items.filter((m) => m.role === 'moderator' && m.user) };
      }),
  );
}

/**
 * How a member asks for a moderator, on their own terms. Check-ins, and any crisis signal in
 * them, never reach a moderator by themselves; this button sends nothing either. It only reads
 * the member's groups and who moderates them, and says how to ask (README, "Check-ins": the
 * review queue is about group messages, and a moderator has no private way to reach a member).
 */
export function ReachModerator() {
  const [open, setOpen] = useState(false);
  const [groups, setGroups] = useState<ModeratedGroup[] | null>(null);
  const [error, setError] = useState('');

  const toggle = async () => {
    setOpen(!open);
    if (open || groups) return;
    try {
      setGroups(await myGroupsAndModerators());
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <section class="stack card" aria-labelledby="reach-title">
      <h2 id="reach-title">Would you like a moderator to reach out?</h2>
      <p>
        Nobody else sees your check-ins, moderators and admins included, and nothing you write in
        them is passed on. If you would like a moderator to talk to you, you choose when and where.
      </p>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="reach-panel"
        onClick={() => void toggle()}
      >
        How to reach a moderator
      </button>
      {open && (
        <div id="reach-panel" class="stack">
          <p class="hint">Opening this sent nothing to anyone.</p>
          <ol>
            <li>
              Open one of your groups and write that you would like a moderator to check in with
              you, for example “Could a moderator check in with me?”. Everyone in that group can
              read it, so share only what you want to.
            </li>
            <li>The group’s moderators read their group and can answer you there.</li>
          </ol>
          <ErrorText message={error} />
          {groups && groups.length === 0 && (
            <p>You are not in a group yet. Every group has moderators: join one under Groups.</p>
          )}
          {groups && groups.length > 0 && (
            <ul class="reach-groups">
              {groups.map(({ group, moderators }) => (
                <li key={group.id}>
                  <strong>{group.name}</strong>:{' '}
                  {moderators.length === 0
                    ? 'it has no moderator of its own yet.'
                    : `moderated by ${moderators
                        .map((m) => `${m.user!.handle}${m.online ? ' (here now)' : ''}`)
                        .join(', ')}.`}{' '}
                  <button
                    type="button"
                    class="link"
                    onClick={() => navigate({ name: 'chat', groupId: group.id })}
                  >
                    Open {group.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p>
            If you are in danger or thinking of hurting yourself, a helpline answers straight away.{' '}
            <button type="button" class="link" onClick={() => navigate({ name: 'resources' })}>
              Help now
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
