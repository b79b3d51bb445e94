/**
 * The five scales of a check-in, one for each thread of the guide's "Measuring Progress in
 * Rebuilding Trust" ("regularly assess emotional growth, communication improvements, and actions
 * taken"), drawn from the parts it sums up:
 * - `safety`: feeling emotionally safe (boundaries that "help both partners feel safe and secure");
 * - `honesty`: honesty and openness (full disclosure, breaking the cycle of secrecy);
 * - `communication`: talking about hard things without blame or defensiveness;
 * - `selfCare`: looking after oneself (self-care and emotional resilience);
 * - `hope`: hope for the future (moving forward, commitment to a healthier future).
 * Each is a whole number from 1 (not at all) to 5 (very much).
 */
export const SCALES = ['safety', 'honesty', 'communication', 'selfCare', 'hope'] as const;
export type Scale = (typeof SCALES)[number];
export type ScaleValues = Record<Scale, number>;

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const MAX_NOTE_CODE_POINTS = 2000;
