import { get } from '../api/client';
import type { AuditEntry } from '../api/types';
import { formatDateTime } from '../app/format';
import { ErrorText } from '../ui/ErrorText';
import { Page } from '../ui/Page';
import { useAsync } from '../ui/use-async';

export function AuditLogPage() {
  const { data, error } = useAsync(() => get<{ items: AuditEntry[] }>('/api/moderation/audit'), []);
  return (
    <Page title="Audit log" wide>
      <ErrorText message={error} />
      {data && data.items.length === 0 && <p>No moderator actions yet.</p>}
      {data && data.items.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.createdAt)}</td>
                  <td>{entry.actor?.handle ?? '—'}</td>
                  <td>{entry.action}</td>
                  <td>{entry.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
