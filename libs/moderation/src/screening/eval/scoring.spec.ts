import type { ScreenFinding } from '../screener';
import type { LabelledMessage } from './labelled-sets';
import { decisionOf, scoreSet } from './scoring';

const message = (labels: LabelledMessage['labels'], tags: string[] = []): LabelledMessage => ({
  text: 'text',
  labels,
  absent: (['crisis', 'threat', 'abuse', 'personal_details'] as const).filter(
    (c) => !labels.includes(c),
  ),
  tags,
});
const verdict = (...findings: ScreenFinding[]) => ({
  findings,
  priority: findings.length ? findings[0].priority : null,
  hide: false,
});
const crisis: ScreenFinding = { category: 'crisis', detail: 'd', priority: 'urgent' };
const possible: ScreenFinding = { category: 'possible_crisis', detail: 'd', priority: 'normal' };

describe('scoreSet', () => {
  it('counts a possible crisis as before a moderator, but not as a crisis caught', () => {
    const messages = [message(['crisis'], ['indirect']), message(['crisis']), message([])];
    const decisions = [verdict(possible), verdict(crisis), verdict(possible)].map(decisionOf);
    const score = scoreSet(messages, decisions);
    expect(score.categories.crisis).toMatchObject({ tp: 1, fn: 1, fp: 0, recall: 0.5 });
    expect(score.indirectCrisis).toEqual({ n: 1, caught: 0, recall: 0 });
    expect(score.crisisSeen).toEqual({ n: 2, caught: 2, recall: 1 });
    expect(score.clean).toEqual({ n: 1, flagged: 1, rate: 1 });
  });
});
