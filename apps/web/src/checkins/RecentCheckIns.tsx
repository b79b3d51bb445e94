import { useState } from 'preact/hooks';
import { del, describeError } from '../api/client';
import type { CheckIn } from '../api/types';
import { ErrorText } from '../ui/ErrorText';
import { SCALES } from './scales';
import { weekLabel } from './weekly-trend';

const RECENT = 7;

/** The latest check-ins, newest first, each with its note and a two-step delete. */
export function RecentCheckIns({
  checkIns,
  onDeleted,
}: {
  checkIns: CheckIn[];
  onDeleted: (id: string) => void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState('');
  const recent = [...checkIns].reverse().slice(0, RECENT);
  if (recent.length === 0) return null;

  const remove = async (id: string) => {
    try {
      await del(`/api/me/checkins/${id}`);
      setError('');
      onDeleted(id);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setConfirming(null);
    }
  };

  return (
    <section class="stack recent-checkins" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent check-ins</h2>
      <ErrorText message={error} />
      <ul class="cards">
        {recent.map((c) => {
          const day = weekLabel(c.day);
          return (
            <li key={c.id} class="card">
              <h3>{day}</h3>
              <p>{SCALES.map((s) => `${s.label} ${c[s.key]}`).join(' · ')}</p>
              {c.note && <p class="checkin-note">{c.note}</p>}
              {confirming === c.id ? (
                <div class="actions">
                  <span>Delete the check-in of {day}?</span>
                  <button type="button" class="danger" onClick={() => void remove(c.id)}>
                    Yes, delete
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    No
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  aria-label={`Delete the check-in of ${day}`}
                  onClick={() => setConfirming(c.id)}
                >
                  Delete
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
