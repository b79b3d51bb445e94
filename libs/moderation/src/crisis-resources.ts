import { plainToInstance } from 'class-transformer';
import { IsString, Length, validateSync } from 'class-validator';
import { InvalidEnvError } from '@kintsugi/platform';
import type { CrisisResource } from '@kintsugi/notifications';

/**
 * Shown to a member whose message signals a crisis, wherever they are. Kept
 * to services that are free, well known and stable; CRISIS_RESOURCES replaces
 * the list for a deployment that serves one region.
 */
export const DEFAULT_CRISIS_RESOURCES: readonly CrisisResource[] = [
  {
    name: 'Emergency services',
    contact:
      'If you are in danger now, call 112 (Europe), 999 (UK), 911 (US, Canada) or 000 (Australia)',
    region: 'Anywhere',
  },
  { name: 'Find A Helpline', contact: 'https://findahelpline.com', region: 'International' },
  { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988', region: 'United States' },
  { name: '9-8-8 Suicide Crisis Helpline', contact: 'Call or text 988', region: 'Canada' },
  { name: 'Samaritans', contact: 'Call 116 123 (free, any time)', region: 'UK and Ireland' },
  { name: 'Lifeline', contact: 'Call 13 11 14', region: 'Australia' },
];

class CrisisResourceInput {
  @IsString()
  @Length(1, 200)
  name: string;

  @IsString()
  @Length(1, 300)
  contact: string;

  @IsString()
  @Length(1, 100)
  region: string;
}

const PROBLEM =
  'CRISIS_RESOURCES must be a JSON list of 1-20 objects with exactly name, contact and region (non-empty text)';

/** Parses the CRISIS_RESOURCES setting at start; a bad value stops start-up naming the variable, never its value. */
export function parseCrisisResources(raw: string | undefined): CrisisResource[] {
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_CRISIS_RESOURCES];
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    throw new InvalidEnvError(`Invalid configuration: ${PROBLEM}`);
  }
  if (!Array.isArray(list) || list.length === 0 || list.length > 20)
    throw new InvalidEnvError(`Invalid configuration: ${PROBLEM}`);
  return list.map((entry: unknown) => {
    const valid =
      entry !== null &&
      typeof entry === 'object' &&
      !Array.isArray(entry) &&
      Object.keys(entry).every((key) => ['name', 'contact', 'region'].includes(key)) &&
      validateSync(plainToInstance(CrisisResourceInput, entry)).length === 0;
    if (!valid) throw new InvalidEnvError(`Invalid configuration: ${PROBLEM}`);
    const { name, contact, region } = entry as CrisisResource;
    return { name, contact, region };
  });
}

/** The list in force, read once at start (injectable). */
export class CrisisResources {
  constructor(readonly list: readonly CrisisResource[]) {}
}
