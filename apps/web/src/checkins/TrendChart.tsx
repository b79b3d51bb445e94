import { SCALES, type ScaleKey } from './scales';
import type { WeekPoint } from './weekly-trend';

const WIDTH = 280;
const HEIGHT = 140;
// Room for the y labels on the left and for half of the last week's label on the right.
const PAD = { left: 24, right: 22, top: 10, bottom: 24 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

const x = (i: number, n: number) => PAD.left + (n <= 1 ? PLOT_W / 2 : (i * PLOT_W) / (n - 1));
const y = (value: number) => PAD.top + ((5 - value) / 4) * PLOT_H;

/** Runs of consecutive weeks with a value: a week without check-ins breaks the line rather than bridging it. */
function segments(weeks: WeekPoint[], key: ScaleKey): { i: number; v: number }[][] {
  const runs: { i: number; v: number }[][] = [];
  let run: { i: number; v: number }[] = [];
  weeks.forEach((week, i) => {
    const v = week.values[key];
    if (v === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ i, v });
  });
  if (run.length) runs.push(run);
  return runs;
}

/** What a screen reader hears instead of the picture; the table below holds every value. */
function summary(weeks: WeekPoint[], key: ScaleKey): string {
  const known = weeks.filter((w) => w.values[key] !== null);
  if (known.length === 0) return 'No check-ins in these weeks yet.';
  const last = known[known.length - 1];
  const first = known[0];
  const trend =
    known.length < 2 ? '' : ` It was ${first.values[key]} in the week of ${first.label}.`;
  return `Latest weekly average ${last.values[key]} of 5, in the week of ${last.label}.${trend}`;
}

/** One small line chart per scale, weeks along the bottom, 1–5 up the side. Plain SVG. */
export function TrendChart({ weeks }: { weeks: WeekPoint[] }) {
  const n = weeks.length;
  const labelEvery = Math.max(1, Math.ceil(n / 4));
  return (
    <ul class="trend-charts">
      {SCALES.map(({ key, label }) => {
        const id = `trend-${key}`;
        return (
          <li key={key} class="trend-chart">
            <h3 id={`${id}-title`}>{label}</h3>
            <svg
              role="img"
              aria-labelledby={`${id}-title ${id}-desc`}
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              preserveAspectRatio="xMidYMid meet"
            >
              <desc id={`${id}-desc`}>{summary(weeks, key)}</desc>
              {[1, 2, 3, 4, 5].map((v) => (
                <g key={v}>
                  <line class="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
                  <text class="axis" x={PAD.left - 8} y={y(v) + 4} text-anchor="end">
                    {v}
                  </text>
                </g>
              ))}
              {weeks.map((week, i) =>
                i % labelEvery === (n - 1) % labelEvery ? (
                  <text
                    key={week.weekStart}
                    class="axis"
                    x={x(i, n)}
                    y={HEIGHT - 6}
                    text-anchor="middle"
                  >
                    {week.label}
                  </text>
                ) : null,
              )}
              {segments(weeks, key).map((run) => (
                <polyline
                  key={run[0].i}
                  class="line"
                  points={run.map(({ i, v }) => `${x(i, n)},${y(v)}`).join(' ')}
                />
              ))}
              {segments(weeks, key)
                .flat()
                .map(({ i, v }) => (
                  <circle key={i} class="dot" cx={x(i, n)} cy={y(v)} r={3.5} />
                ))}
            </svg>
          </li>
        );
      })}
    </ul>
  );
}
