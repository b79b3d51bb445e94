import { useState } from 'preact/hooks';
import type { Group } from '../api/types';
import { formatDateTime } from '../app/format';
import { navigate } from '../app/router';
import { GuidelinesForm } from './GuidelinesForm';

export function GroupCard({ group }: { group: Group }) {
  const [joining, setJoining] = useState(false);
  const free = Math.max(0, group.capacity - group.memberCount);
  const open = () => navigate({ name: 'chat', groupId: group.id });

  return (
    <li class="card group-card">
      <h2>{group.name}</h2>
      <p>{group.description}</p>
      <dl class="facts">
        <div>
          <dt>Members</dt>
          <dd>
            {group.memberCount} of {group.capacity}
          </dd>
        </div>
        <div>
          <dt>Free places</dt>
          <dd>{free}</dd>
        </div>
        <div>
          <dt>Next talk</dt>
          <dd>
            {group.nextSession ? formatDateTime(group.nextSession.startsAt) : 'None planned yet'}
          </dd>
        </div>
      </dl>
      {group.appearance?.pseudonym && (
        <p class="muted pseudonym-note">
          Here you appear as <strong>{group.appearance.handle}</strong>
        </p>
      )}
      {group.isMember ? (
        <button type="button" class="primary" onClick={open}>
          Open {group.name}
        </button>
      ) : joining ? (
        <GuidelinesForm group={group} onJoined={open} onCancel={() => setJoining(false)} />
      ) : (
        <button type="button" onClick={() => setJoining(true)} disabled={free === 0}>
          {free === 0 ? 'Full' : `Join ${group.name}…`}
        </button>
      )}
    </li>
  );
}
