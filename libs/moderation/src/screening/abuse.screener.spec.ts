import { AbuseScreener } from './abuse.screener';
import { analyse } from './text/analyse';

const screener = new AbuseScreener();
const details = (text: string) => screener.screen(analyse(text)).map((f) => f.detail);

describe('AbuseScreener', () => {
  it.each([
    ["You're pathetic. No wonder your wife cheated.", 'slur or abusive language'],
    ['Stfu you whiny little cunt.', 'slur or abusive language'],
    ["You're a f*cking joke.", 'slur or abusive language'],
    ['you dumb b1tch', 'slur or abusive language'],
    ['What a retard, seriously.', 'slur or abusive language'],
    ['Typical f4ggot behaviour.', 'slur or abusive language'],
    ['Nobody wants you here. Go away.', 'harassment'],
    ['You deserved to be cheated on.', 'harassment'],
    ['I hope your wife leaves you and takes the kids.', 'harassment'],
  ])('flags %s', (text, detail) => {
    expect(details(text)).toContain(detail);
  });

  it.each([
    'Kill yourself, you deserve it.',
    'kys',
    'Go die in a hole.',
    'Honestly go jump off a cliff.',
  ])('treats urging self-harm as urgent: %s', (text) => {
    expect(screener.screen(analyse(text))).toContainEqual({
      category: 'abuse',
      detail: 'urging self-harm',
      priority: 'urgent',
    });
  });

  it.each([
    'This whole thing is so fucking hard.',
    'Fuck this, fuck him, fuck everything about today.',
    "He's a lying piece of shit and I'm done pretending otherwise.",
    'The slut he cheated with has the nerve to text me.',
    'You are so fucking strong, I hope you know that.',
    "@Willow74 you're not pathetic, you're human.",
    "He told me 'nobody wants you' and I believed it for years.",
    'He treated you like garbage and you still showed up.',
    'I hope you find peace, you deserve it.',
    "Please don't kill yourself over the dishes, let them soak.",
    'He told me to shut up when I cried.',
    'I feel like such a loser.',
  ])('lets venting, kindness and reported speech through: %s', (text) => {
    expect(details(text)).toEqual([]);
  });

  it('never copies the matched words into a finding', () => {
    for (const f of screener.screen(analyse('You stupid cow, nobody wants you here, kys'))) {
      for (const word of ['stupid', 'cow', 'kys', 'nobody']) expect(f.detail).not.toContain(word);
    }
  });
});
