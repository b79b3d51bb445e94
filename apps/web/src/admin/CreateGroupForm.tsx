import { useState } from 'preact/hooks';
import { describeError, post } from '../api/client';
import type { Group, JourneyRole } from '../api/types';
import { ErrorText } from '../ui/ErrorText';

export function CreateGroupForm({ onCreated }: { onCreated: (group: Group) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [audience, setAudience] = useState<JourneyRole>('betrayed');
  const [capacity, setCapacity] = useState(20);
  const [timezone, setTimezone] = useState(
    Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  );
  const [error, setError] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      onCreated(
        await post<Group>('/api/groups', { name, description, audience, capacity, timezone }),
      );
      setName('');
      setDescription('');
      setError('');
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <form class="stack card" onSubmit={submit} aria-labelledby="create-group-title">
      <h2 id="create-group-title">Create a group</h2>
      <div class="field">
        <label for="group-name">Name</label>
        <input
          id="group-name"
          required
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="group-description">Description</label>
        <textarea
          id="group-description"
          required
          rows={2}
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="group-audience">For</label>
        <select
          id="group-audience"
          value={audience}
          onChange={(e) => setAudience(e.currentTarget.value as JourneyRole)}
        >
          <option value="betrayed">Betrayed partners</option>
          <option value="unfaithful">Unfaithful partners</option>
        </select>
      </div>
      <div class="row">
        <div class="field">
          <label for="group-capacity">Places</label>
          <input
            id="group-capacity"
            type="number"
            min={1}
            value={capacity}
            onInput={(e) => setCapacity(Number(e.currentTarget.value))}
          />
        </div>
        <div class="field">
          <label for="group-timezone">Time zone</label>
          <input
            id="group-timezone"
            required
            value={timezone}
            onInput={(e) => setTimezone(e.currentTarget.value)}
          />
        </div>
      </div>
      <ErrorText message={error} />
      <button type="submit" class="primary">
        Create group
      </button>
    </form>
  );
}
