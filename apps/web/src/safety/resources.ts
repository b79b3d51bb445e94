import type { CrisisResource } from '../api/types';

/** Always-available help, shown on the Help page whatever else the member has been sent. */
export const STANDING_RESOURCES: CrisisResource[] = [
  {
    name: 'Emergency services',
    contact: 'Your local emergency number (112, 911, 999)',
    region: 'Everywhere',
  },
  { name: 'Find a Helpline', contact: 'findahelpline.com', region: 'International' },
  { name: 'Samaritans', contact: '116 123', region: 'UK and Ireland' },
  { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988', region: 'United States' },
];
