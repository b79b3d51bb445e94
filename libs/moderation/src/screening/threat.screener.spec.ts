import { ThreatScreener } from './threat.screener';
import { analyse } from './text/analyse';

const screener = new ThreatScreener();
const flags = (text: string) => screener.screen(analyse(text)).length > 0;

describe('ThreatScreener', () => {
  it.each([
    "I'm going to kill him when he gets home.",
    'If I ever see her I will break her face.',
    "I know where she lives and I'm going to make her pay.",
    "I'm going to find the AP's husband and beat the hell out of him.",
    "I'll strangle her with my bare hands.",
    'Whoever reported my post, I will find you and you will regret it.',
    "She's going to get what's coming to her.",
    'I bought a baseball bat. He will find out what happens to cheaters.',
    'Cheaters should be stoned.',
  ])('flags threats toward anyone: %s', (text) => {
    expect(screener.screen(analyse(text))).toEqual([
      { category: 'abuse', detail: 'threat of violence', priority: 'urgent' },
    ]);
  });

  it.each([
    'I could kill him for leaving the dishes again.',
    "She'd kill me if she knew I was posting here.",
    "I'm not going to hurt him, I just want him gone.",
    "I'll never hit her, whatever she did.",
    'I killed it at work today.',
    "I'm going to hit the gym and then hit her up about the kids.",
    'The divorce lawyer is going to destroy him in court.',
    "I bought a gun last week. It's for me, not him.",
    'I burned all his letters in the garden.',
    "He texted me 'I'll break your legs if you tell her' and I went to the police.",
    'Her brother said "I\'m going to kill him" and then made everyone tea.',
  ])('lets hyperbole, negation and near-misses through: %s', (text) => {
    expect(flags(text)).toBe(false);
  });
});
