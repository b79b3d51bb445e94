import { useState } from 'preact/hooks';
import { get } from '../api/client';
import type { CheckIn } from '../api/types';
import { zoneName } from '../app/format';
import { ErrorText } from '../ui/ErrorText';
import { Page } from '../ui/Page';
import { useAsync } from '../ui/use-async';
import { CheckInForm } from './CheckInForm';
import { ReachModerator } from './ReachModerator';
import { RecentCheckIns } from './RecentCheckIns';
import { ReminderSetting } from './ReminderSetting';
import { TrendChart } from './TrendChart';
import { TrendTable } from './TrendTable';
import { addDays, mondayOf, todayIn, TREND_WEEKS, weeklyTrend } from './weekly-trend';

/** The private check-in screen: today's form, the trend by week (chart and table), the reminder. */
export function CheckInPage() {
  const [today] = useState(() => todayIn(zoneName()));
  const from = addDays(mondayOf(today), -7 * (TREND_WEEKS - 1));
  const { data, setData, error, loading } = useAsync(
    () =>
      get<{ items: CheckIn[] }>(`/api/me/checkins?from=${from}&to=${today}`).then((r) => r.items),
    [from, today],
  );
  const checkIns = data ?? [];
  const done = checkIns.find((c) => c.day === today);
  const weeks = weeklyTrend(checkIns, today);

  return (
    <Page
      title="Check-in"
      intro="A minute to notice how things are going. Only you can see your check-ins."
    >
      <ErrorText message={error} />
      {loading && !data && <p role="status">Loading…</p>}
      {data && !done && (
        <CheckInForm onSaved={(saved) => setData((all) => [...(all ?? []), saved])} />
      )}
      {done && (
        <p class="notice" role="status">
          You have checked in today. Come back tomorrow, or delete today’s to record it again.
        </p>
      )}
      <section class="stack card" aria-labelledby="trend-title">
        <h2 id="trend-title">How things have gone, week by week</h2>
        <p class="hint">
          Each week shows the average of its check-ins, from 1 (not at all) to 5 (very much).
        </p>
        <TrendChart weeks={weeks} />
        <TrendTable weeks={weeks} />
      </section>
      <RecentCheckIns
        checkIns={checkIns}
        onDeleted={(id) => setData((all) => all?.filter((c) => c.id !== id) ?? null)}
      />
      <ReminderSetting />
      <ReachModerator />
    </Page>
  );
}
