import type { Group } from '../api/types';

export function GroupSelect({
  id,
  groups,
  value,
  onChange,
}: {
  id: string;
  groups: Group[];
  value: string;
  onChange: (groupId: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>Group</label>
      <select id={id} required value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose a group</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name} ({g.audience})
          </option>
        ))}
      </select>
    </div>
  );
}
