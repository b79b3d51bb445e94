import type { CrisisResource } from '../api/types';

export function ResourceList({ resources }: { resources: CrisisResource[] }) {
  return (
    <ul class="resources">
      {resources.map((r) => (
        <li key={`${r.name}-${r.region}`}>
          <strong>{r.name}</strong> <span class="muted">({r.region})</span>
          <br />
          {r.contact}
        </li>
      ))}
    </ul>
  );
}
