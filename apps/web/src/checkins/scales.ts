import type { CheckIn } from '../api/types';

export type ScaleKey = 'safety' | 'honesty' | 'communication' | 'selfCare' | 'hope';

/**
 * The five scales, after the guide's "Measuring Progress in Rebuilding Trust". Worded so that a
 * glance over the member's shoulder learns nothing: no word names the subject.
 */
export const SCALES: { key: ScaleKey; label: string; question: string }[] = [
  { key: 'safety', label: 'Feeling safe', question: 'How safe do you feel, emotionally?' },
  {
    key: 'honesty',
    label: 'Honesty and openness',
    question: 'How honest and open do things feel between you?',
  },
  {
    key: 'communication',
    label: 'Talking without blame',
    question: 'Can hard things be talked about without blame or defensiveness?',
  },
  {
    key: 'selfCare',
    label: 'Looking after myself',
    question: 'How well are you caring for yourself?',
  },
  {
    key: 'hope',
    label: 'Hope for the future',
    question: 'How hopeful do you feel about what comes next?',
  },
];

export const scaleValue = (checkIn: CheckIn, key: ScaleKey): number => checkIn[key];

export const MAX_NOTE = 2000;

/** Characters as the server counts them: Unicode code points, not UTF-16 units. */
export const codePoints = (text: string): number => [...text].length;
