import { useEffect, useState } from 'preact/hooks';
import { describeError, get, post } from '../api/client';
import type { Group, Session, Topic } from '../api/types';
import { formatDateTime } from '../app/format';
import { ErrorText } from '../ui/ErrorText';
import { GroupSelect } from './GroupSelect';

/** A one-off session or a weekly series; without a topic each takes the group's next one in the guide. */
export function ScheduleSessionForm({ groups }: { groups: Group[] }) {
  const [groupId, setGroupId] = useState('');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [topicSlug, setTopicSlug] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState(60);
  const [weeks, setWeeks] = useState(1);
  const [error, setError] = useState('');
  const [created, setCreated] = useState<Session[]>([]);
  const group = groups.find((g) => g.id === groupId);

  useEffect(() => {
    setTopicSlug('');
    if (!group) return setTopics([]);
    get<{ items: Topic[] }>(`/api/topics?audience=${group.audience}`).then(
      ({ items }) => setTopics(items),
      () => setTopics([]),
    );
  }, [group?.audience]);

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const body: Record<string, unknown> = {
        startsAt: new Date(startsAt).toISOString(),
        durationMinutes: duration,
      };
      if (topicSlug) body.topicSlug = topicSlug;
      if (weeks > 1) body.recurrence = `FREQ=WEEKLY;COUNT=${weeks}`;
      const { items } = await post<{ items: Session[] }>(`/api/groups/${groupId}/sessions`, body);
      setCreated(items);
      setError('');
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <form class="stack card" onSubmit={submit} aria-labelledby="schedule-title">
      <h2 id="schedule-title">Schedule a discussion</h2>
      <GroupSelect id="schedule-group" groups={groups} value={groupId} onChange={setGroupId} />
      <div class="field">
        <label for="schedule-topic">Topic</label>
        <select
          id="schedule-topic"
          value={topicSlug}
          onChange={(e) => setTopicSlug(e.currentTarget.value)}
        >
          <option value="">The group’s next topic in the guide</option>
          {topics.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.order}. {t.title}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        <div class="field">
          <label for="schedule-start">Starts (your time)</label>
          <input
            id="schedule-start"
            type="datetime-local"
            required
            value={startsAt}
            onInput={(e) => setStartsAt(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="schedule-duration">Minutes</label>
          <input
            id="schedule-duration"
            type="number"
            min={1}
            max={480}
            value={duration}
            onInput={(e) => setDuration(Number(e.currentTarget.value))}
          />
        </div>
        <div class="field">
          <label for="schedule-weeks">Weeks</label>
          <input
            id="schedule-weeks"
            type="number"
            min={1}
            max={52}
            value={weeks}
            onInput={(e) => setWeeks(Number(e.currentTarget.value))}
          />
        </div>
      </div>
      <p class="hint">1 week is a one-off; more makes a weekly series at the same local time.</p>
      <ErrorText message={error} />
      {created.length > 0 && (
        <p role="status">
          Scheduled {created.length} session{created.length === 1 ? '' : 's'}, first on{' '}
          {formatDateTime(created[0].startsAt)}.
        </p>
      )}
      <button type="submit" class="primary">
        Schedule
      </button>
    </form>
  );
}
