import { AbuseScreener } from './abuse.screener';
import { CrisisScreener } from './crisis.screener';
import { PersonalDetailsScreener } from './personal-details.screener';
import { ScreenFinding, Screener } from './screener';
import { ThreatScreener } from './threat.screener';

export interface ScreenVerdict {
  findings: ScreenFinding[];
  priority: 'urgent' | 'high' | null;
  /** Personal details are hidden before other members read them; everything else waits for review. */
  hide: boolean;
}

/** Every screener a message passes through; a model-based screener joins by being added here. */
export const screeners: readonly Screener[] = [
  new CrisisScreener(),
  new PersonalDetailsScreener(),
  new ThreatScreener(),
  new AbuseScreener(),
];

export function screenMessage(text: string, using: readonly Screener[] = screeners): ScreenVerdict {
  const findings = using.flatMap((s) => s.screen(text));
  const priority = findings.some((f) => f.priority === 'urgent')
    ? 'urgent'
    : findings.length
      ? 'high'
      : null;
  return { findings, priority, hide: findings.some((f) => f.category === 'personal_details') };
}
