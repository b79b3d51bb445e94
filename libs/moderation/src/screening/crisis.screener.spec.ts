import { CrisisScreener } from './crisis.screener';
import { analyse } from './text/analyse';

const screener = new CrisisScreener();
const flags = (text: string) => screener.screen(analyse(text)).length > 0;

describe('CrisisScreener', () => {
  it.each([
    "I don't want to be here anymore.",
    'Everyone would be better off without me.',
    "The kids will be happier once I'm gone.",
    "I've been looking up how many pills it would take.",
    'I cut myself again last night.',
    "I'm planning to end it this weekend.",
    'I keep googling painless ways to die.',
    'kms honestly',
    "I'm tired of living like this. Tired of living at all.",
    "I can't do this anymore. I'm done. Goodbye everyone.",
    "He says he'll kill himself if I leave.",
    'I want to die of this pain, every single night.',
    'I wanted to die and I still do.',
    "I'm going to take my life this weekend.",
  ])('flags crisis wording: %s', (text) => {
    expect(flags(text)).toBe(true);
  });

  it.each([
    "I'm not suicidal, just exhausted.",
    'I would never hurt myself, my kids need me.',
    "I'm not going to hurt myself, don't worry.",
    'I used to self harm as a teenager but I have been clean for 15 years.',
    'Back in 2019 I stockpiled pills. Therapy and my sister got me through; I am well now.',
    'Three years ago I wanted to end my life. Today I laughed with my kids.',
    'A colleague took his own life last year and I think about his family.',
    'The night I found out I googled how many pills it would take. That was 2019. Tonight I dance.',
    'Last spring I was saving my tablets. My therapist helped me hand them in.',
    'Three winters ago I sat in the garage with the engine running. I got help.',
    'When I was 19 I tried to end my life. I am 46 now and glad to be here.',
  ])('respects negation and the past: %s', (text) => {
    expect(flags(text)).toBe(false);
  });

  it.each([
    'Two years ago I stockpiled pills. The urge to save them up is coming back.',
    'Last spring I was saving my tablets. That was then, and I have started again.',
    'I cut myself last night. That was the third time this week.',
    'I want to die. That was how I woke up today.',
  ])('hears a crisis that is present or coming back: %s', (text) => {
    expect(flags(text)).toBe(true);
  });

  it('keeps "can\'t stop" from reading as a denial', () => {
    expect(flags("Can't stop thinking about killing myself.")).toBe(true);
  });

  it.each([
    'This is killing me.',
    'I could just die of embarrassment.',
    'I wanted to disappear from that party the moment she walked in.',
    'My marriage is dead.',
    "I'd rather die than sit through another Thanksgiving with his mother.",
    "I'm going to end things with her tonight.",
    "I'm at the end of my rope with his lies.",
    "I don't want to be here at his work party on Friday.",
    'Suicide prevention week is coming up.',
    'Goodbye everyone, we reconciled and I am leaving the group. Thank you!',
    'I wanted to die of shame when his mother read the texts out loud.',
    'I want to die of embarrassment every time I remember the alibi.',
    'Updated my will and it felt like taking my life back into my own hands.',
  ])('lets figures of speech and near-misses through: %s', (text) => {
    expect(flags(text)).toBe(false);
  });

  // These name a means or an act, not an intent: alone they were wrong about as often as right
  // across train and dev, so they count only beside another cue (the classifier still reads them).
  it.each([
    'The rope swing in the garden is the last thing he built for the boys.',
    'He keeps a shotgun for the pigeons on the farm.',
    'Wrote her a goodbye letter and never sent it.',
    'The kids were jumping off the pier all afternoon.',
  ])('does not decide alone on a means or an act named in passing: %s', (text) => {
    expect(flags(text)).toBe(false);
  });

  it('still hears a means beside another cue', () => {
    expect(flags('Goodbye everyone. The rope is ready in the garage.')).toBe(true);
  });

  // Members name the medicine their own doctor prescribed, not "pills".
  it.each([
    "I've been saving up my zopiclone instead of taking it.",
    'stockpiling the sertraline, nearly two months of it now',
    'How many amitriptyline would it take, roughly?',
  ])('hears medicines saved up or counted by name: %s', (text) => {
    expect(flags(text)).toBe(true);
  });

  it('does not hear a medicine taken as prescribed', () => {
    expect(flags('Started sertraline last month and my GP says give it six weeks.')).toBe(false);
  });

  it('marks every finding urgent and never repeats the text', () => {
    const findings = screener.screen(analyse('I want to kill myself tonight.'));
    expect(findings).toEqual([
      { category: 'crisis', detail: 'suicidal wording', priority: 'urgent' },
    ]);
    expect(screener.screen(analyse('I burned my arm again, self harm is back'))).toEqual([
      { category: 'crisis', detail: 'self-harm wording', priority: 'urgent' },
    ]);
  });
});
