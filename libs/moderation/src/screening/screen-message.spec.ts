import { screenMessage, verdictOf } from './screen-message';
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
    expect(verdict.findings.map((f) => f.detail)).toEqual(
      expect.arrayContaining(['street address', 'threat of violence']),
    );
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

  it('sends a message to review when a screener fails, never to clean', () => {
    const broken: Screener = {
      name: 'broken',
      screen: () => {
        throw new Error('lexicon missing');
      },
    };
    const verdict = screenMessage('We had a calmer week, thank you all.', [broken]);
    expect(verdict).toEqual({
      findings: [
        {
          category: 'screening_failed',
          detail: 'the broken screener failed; please read the message',
          priority: 'normal',
        },
      ],
      priority: 'normal',
      hide: false,
    });
  });

  it('keeps what the other screeners found when one fails', () => {
    const broken: Screener = {
      name: 'broken',
      screen: () => {
        throw new Error('boom');
      },
    };
    const found: Screener = {
      name: 'found',
      screen: () => [{ category: 'crisis', detail: 'suicidal wording', priority: 'urgent' }],
    };
    expect(screenMessage('text', [broken, found]).priority).toBe('urgent');
  });

  const rule: Screener = {
    name: 'rule',
    screen: () => [{ category: 'crisis', detail: 'suicidal wording', priority: 'urgent' }],
  };

  it("lets a screener's second opinion change what the others found", () => {
    const doubter: Screener = {
      name: 'doubter',
      screen: () => [],
      reconsider: (_, findings) =>
        findings.map((f) => ({ ...f, category: 'possible_crisis', priority: 'normal' })),
    };
    const verdict = screenMessage('text', [rule, doubter]);
    expect(verdict.priority).toBe('normal');
    expect(verdict.findings.map((f) => f.category)).toEqual(['possible_crisis']);
  });

  it('keeps every finding as it was when a second opinion fails', () => {
    const broken: Screener = {
      name: 'broken',
      screen: () => [],
      reconsider: () => {
        throw new Error('boom');
      },
    };
    const verdict = screenMessage('text', [rule, broken]);
    expect(verdict.priority).toBe('urgent');
    expect(verdict.findings.map((f) => f.category)).toEqual(['crisis', 'screening_failed']);
  });
});

describe('verdictOf', () => {
  it('drops a possible crisis or threat that another screener is sure of', () => {
    const verdict = verdictOf([
      { category: 'possible_crisis', detail: 'may be', priority: 'normal' },
      { category: 'crisis', detail: 'suicidal wording', priority: 'urgent' },
      { category: 'possible_threat', detail: 'may be', priority: 'normal' },
    ]);
    expect(verdict.findings.map((f) => f.category)).toEqual(['crisis', 'possible_threat']);
    expect(verdict.priority).toBe('urgent');
  });

  it("keeps a rule's specific finding over a general one of the same category and priority", () => {
    const verdict = verdictOf([
      { category: 'crisis', detail: 'signs of suicide or self-harm', priority: 'urgent' },
      { category: 'crisis', detail: 'suicidal wording', priority: 'urgent' },
      { category: 'abuse', detail: 'abusive language', priority: 'high' },
    ]);
    expect(verdict.findings.map((f) => f.detail)).toEqual(['suicidal wording', 'abusive language']);
  });

  it('is clean with no findings', () => {
    expect(verdictOf([])).toEqual({ findings: [], priority: null, hide: false });
  });
});
