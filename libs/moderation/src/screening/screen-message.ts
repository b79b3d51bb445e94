import { AbuseScreener } from './abuse.screener';
import { CrisisScreener } from './crisis.screener';
import { GENERAL_DETAILS, ModelScreener } from './model/model.screener';
import { PersonalDetailsScreener } from './personal-details.screener';
import type { PublicHelp } from './public-help';
import { isThreat, ScreenFinding, Screener, uniqueFindings } from './screener';
import { analyse, type AnalysedText } from './text/analyse';
import { ThreatScreener } from './threat.screener';

export interface ScreenVerdict {
  findings: ScreenFinding[];
  priority: ScreenFinding['priority'] | null;
  /** Personal details are hidden before other members read them; everything else waits for review. */
  hide: boolean;
}

/** Every in-process screener a message passes through: the rules, then the classifier. */
export const screeners: readonly Screener[] = [
  new CrisisScreener(),
  new PersonalDetailsScreener(),
  new ThreatScreener(),
  new AbuseScreener(),
  new ModelScreener(),
];

/** The same screeners, with `help` (a deployment's CRISIS_RESOURCES too) passed as no one's details. */
export function screenersWith(help: PublicHelp): readonly Screener[] {
  return screeners.map((s) =>
    s instanceof PersonalDetailsScreener ? new PersonalDetailsScreener(help) : s,
  );
}

const PRIORITY_ORDER = ['normal', 'high', 'urgent'] as const;

/**
 * Screens one message: every screener reads it, then any screener that gives second opinions
 * (the classifier) weighs what they found. A screener that throws does not make the message
 * clean: it becomes a finding of its own, so that a person reads what no screener could.
 */
export function screenMessage(text: string, using: readonly Screener[] = screeners): ScreenVerdict {
  let analysed: AnalysedText;
  try {
    analysed = analyse(text);
  } catch {
    return verdictOf([failed('text analysis')]);
  }
  let findings = using.flatMap((screener) => {
    try {
      return screener.screen(analysed);
    } catch {
      return [failed(screener.name)];
    }
  });
  for (const screener of using) {
    if (!screener.reconsider) continue;
    try {
      findings = screener.reconsider(analysed, findings);
    } catch {
      findings.push(failed(screener.name));
    }
  }
  return verdictOf(findings);
}

const failed = (what: string): ScreenFinding => ({
  category: 'screening_failed',
  detail: `the ${what} screener failed; please read the message`,
  priority: 'normal',
});

/**
 * Joins findings from any screeners. A sure crisis or threat makes its "possible" form
 * redundant, and a rule's specific finding ("e-mail address") makes the classifier's or the
 * external service's general one of the same category and priority redundant.
 */
export function verdictOf(findings: ScreenFinding[]): ScreenVerdict {
  const crisis = findings.some((f) => f.category === 'crisis');
  const threat = findings.some(isThreat);
  const specific = findings.filter((f) => !GENERAL_DETAILS.has(f.detail));
  const kept = uniqueFindings(
    findings.filter(
      (f) =>
        !(f.category === 'possible_crisis' && crisis) &&
        !(f.category === 'possible_threat' && threat) &&
        !(
          GENERAL_DETAILS.has(f.detail) &&
          specific.some((s) => s.category === f.category && s.priority === f.priority)
        ),
    ),
  );
  const rank = Math.max(-1, ...kept.map((f) => PRIORITY_ORDER.indexOf(f.priority)));
  return {
    findings: kept,
    priority: rank < 0 ? null : PRIORITY_ORDER[rank],
    hide: kept.some((f) => f.category === 'personal_details'),
  };
}
