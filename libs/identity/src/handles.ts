import { randomInt } from 'node:crypto';
import { uniqueNamesGenerator } from 'unique-names-generator';

export const HANDLE_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;

/** A handle holding 7 or more digits could be a phone number (API.md). */
export const hasTooManyDigits = (handle: string): boolean =>
  (handle.match(/\d/g) ?? []).length >= 7;

// Gentle words only: a handle is how a hurting person is greeted.
const QUALITIES = [
  'quiet',
  'gentle',
  'steady',
  'brave',
  'patient',
  'kind',
  'calm',
  'hopeful',
  'warm',
  'bright',
  'soft',
  'still',
  'honest',
  'tender',
  'clear',
  'golden',
  'humble',
  'open',
  'mending',
  'rising',
  'silver',
  'early',
  'morning',
  'evening',
  'wise',
  'true',
  'careful',
  'healing',
  'resting',
  'growing',
];
const NATURE = [
  'heron',
  'willow',
  'river',
  'maple',
  'sparrow',
  'harbor',
  'meadow',
  'cedar',
  'lantern',
  'otter',
  'finch',
  'birch',
  'brook',
  'fern',
  'robin',
  'wren',
  'pine',
  'tide',
  'ember',
  'stone',
  'moss',
  'aspen',
  'dove',
  'lark',
  'reed',
  'cloud',
  'shore',
  'hazel',
  'juniper',
  'crane',
];

/** The gentle words handles and per-group pseudonyms are made of. */
export const FRIENDLY_WORDS = { qualities: QUALITIES, nature: NATURE } as const;

/** A friendly pseudonym (`quiet-heron`); with `suffix`, a short tail for when the plain one is taken. */
export function generateHandle(suffix = false): string {
  const base = uniqueNamesGenerator({
    dictionaries: [QUALITIES, NATURE],
    separator: '-',
    length: 2,
  });
  return suffix ? `${base}-${randomInt(100, 1000)}` : base;
}
