import { screenMessage } from './screen-message';
import { Screener } from './screener';

describe('screenMessage', () => {
  it('returns a clean verdict for ordinary venting', () => {
    expect(screenMessage('Rough night, but I made it to counselling.')).toEqual({
      findings: [],
      priority: null,
      hide: false,
    });
  });

  it('hides personal details at high priority', () => {
    const verdict = screenMessage('Email me at sarah.jones82@gmail.com');
    expect(verdict).toMatchObject({ priority: 'high', hide: true });
  });

  it('lets an urgent finding decide the priority and keeps every finding', () => {
    const verdict = screenMessage(
      "He lives at 14 Ash Grove and I'm going to go over there and hurt him.",
    );
    expect(verdict.priority).toBe('urgent');
    expect(verdict.hide).toBe(true);
    expect(verdict.findings.map((f) => f.detail).sort()).toEqual([
      'street address',
      'threat of violence',
    ]);
  });

  it('accepts another screener alongside the rules', () => {
    const model: Screener = {
      name: 'model',
      screen: () => [{ category: 'abuse', detail: 'harassment', priority: 'high' }],
    };
    expect(screenMessage('fine text', [model])).toEqual({
      findings: [{ category: 'abuse', detail: 'harassment', priority: 'high' }],
      priority: 'high',
      hide: false,
    });
  });
});
