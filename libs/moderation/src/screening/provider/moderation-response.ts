import { ScreenFinding, THREAT_DETAIL } from '../screener';

/** The part of an OpenAI-style moderation response the platform reads. */
interface ModerationResult {
  categories: Record<string, boolean>;
}

const SELF_HARM = ['self-harm', 'self-harm/intent', 'self-harm/instructions'];
const THREATENING = ['harassment/threatening', 'hate/threatening'];
const ABUSIVE = ['harassment', 'hate'];

/**
 * Maps the service's categories to the platform's findings. "violence" alone is often a member
 * telling what was done to them, so it is only a possible threat for a person to read.
 * Throws on a body of another shape: the caller counts that as the service failing.
 */
export function findingsFromModeration(body: unknown): ScreenFinding[] {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results) || results.length === 0)
    throw new Error('moderation response without results');
  const flagged = new Set<string>();
  for (const result of results as ModerationResult[]) {
    if (typeof result?.categories !== 'object' || result.categories === null)
      throw new Error('moderation result without categories');
    for (const [category, on] of Object.entries(result.categories))
      if (on === true) flagged.add(category);
  }
  const any = (names: string[]) => names.some((n) => flagged.has(n));
  const findings: ScreenFinding[] = [];
  if (any(SELF_HARM))
    findings.push({
      category: 'crisis',
      detail: 'signs of suicide or self-harm',
      priority: 'urgent',
    });
  if (any(THREATENING))
    findings.push({ category: 'abuse', detail: THREAT_DETAIL, priority: 'urgent' });
  else if (flagged.has('violence'))
    findings.push({
      category: 'possible_threat',
      detail: 'may be a threat of violence',
      priority: 'normal',
    });
  if (any(ABUSIVE))
    findings.push({ category: 'abuse', detail: 'abusive language', priority: 'high' });
  return findings;
}
