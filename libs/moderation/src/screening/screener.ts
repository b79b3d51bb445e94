import type { AnalysedText } from './text/analyse';

/**
 * `crisis`, `personal_details` and `abuse` are API.md's categories (a threat is `abuse` with a
 * threat detail). The others send a message to review at normal priority: the screeners were
 * unsure (`possible_crisis`, `possible_threat`), or one of them failed (`screening_failed`).
 */
export type ScreenCategory =
  | 'crisis'
  | 'personal_details'
  | 'abuse'
  | 'possible_crisis'
  | 'possible_threat'
  | 'screening_failed';

export interface ScreenFinding {
  category: ScreenCategory;
  /** The kind of thing found, never the text that matched: review items and logs must not repeat it. */
  detail: string;
  priority: 'urgent' | 'high' | 'normal';
}

/** A screener that runs in the process, on the message as `analyse` read it. */
export interface Screener {
  readonly name: string;
  screen(text: AnalysedText): ScreenFinding[];
  /**
   * A second opinion on what every screener found, run after them all: the findings this
   * screener would have a person act on. Optional; a screener without it leaves findings as
   * they are.
   */
  reconsider?(text: AnalysedText, findings: ScreenFinding[]): ScreenFinding[];
}

export const THREAT_DETAIL = 'threat of violence';

export const isThreat = (f: ScreenFinding): boolean =>
  f.category === 'abuse' && f.priority === 'urgent' && f.detail === THREAT_DETAIL;

/** One finding per kind is enough for a moderator; repeats only lengthen the review item. */
export function uniqueFindings(findings: ScreenFinding[]): ScreenFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.category}|${f.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
