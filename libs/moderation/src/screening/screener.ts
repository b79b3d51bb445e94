export type ScreenCategory = 'crisis' | 'personal_details' | 'abuse';

export interface ScreenFinding {
  category: ScreenCategory;
  /** The kind of thing found, never the text that matched: review items and logs must not repeat it. */
  detail: string;
  priority: 'urgent' | 'high';
}

export interface Screener {
  readonly name: string;
  screen(text: string): ScreenFinding[];
}

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
