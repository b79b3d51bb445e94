import { SCALES } from './scales';
import type { WeekPoint } from './weekly-trend';

/** The chart's values as a table: readable by screen readers, and by anyone who prefers numbers. */
export function TrendTable({ weeks }: { weeks: WeekPoint[] }) {
  const withData = weeks.filter((w) => w.count > 0);
  if (withData.length === 0)
    return <p>No check-ins in these weeks yet. Your first one will show here.</p>;
  return (
    // Focusable so that keyboard users can scroll it sideways on a narrow screen.
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="trend-table-caption">
      <table class="trend-table">
        <caption id="trend-table-caption">Weekly averages, 1 (not at all) to 5 (very much)</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            {SCALES.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
            <th scope="col">Check-ins</th>
          </tr>
        </thead>
        <tbody>
          {withData.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row">{week.label}</th>
              {SCALES.map((s) => (
                <td key={s.key}>{week.values[s.key]}</td>
              ))}
              <td>{week.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
