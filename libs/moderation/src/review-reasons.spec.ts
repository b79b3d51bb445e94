import { screenMessage } from './screening';
import {
  findingsFromFlag,
  findingsFromVerdict,
  highestPriority,
  NEW_MEMBER_FINDINGS,
  onlyNewMember,
} from './review-reasons';

describe('review reasons', () => {
  it('takes the highest priority of its reasons', () => {
    expect(highestPriority(['normal', 'urgent', 'high'])).toBe('urgent');
    expect(highestPriority(['normal', 'high'])).toBe('high');
    expect(highestPriority(['normal'])).toBe('normal');
  });

  it('turns a clean verdict into no reasons at all', () => {
    expect(findingsFromVerdict(screenMessage('We had a calmer week, thank you all.'))).toBeNull();
  });

  it('names what the screeners found without repeating the text', () => {
    const findings = findingsFromVerdict(screenMessage('write to me at jo.bloggs@example.com'));
    expect(findings?.priority).toBe('high');
    expect(findings?.reasons).toEqual([
      expect.objectContaining({ source: 'auto', category: 'personal_details' }),
    ]);
    expect(JSON.stringify(findings)).not.toContain('jo.bloggs');
  });

  it('makes a member’s crisis flag urgent and every other flag normal', () => {
    expect(findingsFromFlag('crisis').priority).toBe('urgent');
    for (const reason of ['harassment', 'identifying_info', 'spam', 'other'] as const)
      expect(findingsFromFlag(reason)).toEqual({
        priority: 'normal',
        reasons: [{ source: 'member', category: reason, detail: expect.any(String) }],
      });
  });

  it('holds a new member’s post at normal priority, and knows when nothing else holds it', () => {
    expect(NEW_MEMBER_FINDINGS.priority).toBe('normal');
    expect(onlyNewMember(NEW_MEMBER_FINDINGS.reasons)).toBe(true);
    const screened = findingsFromVerdict(screenMessage('you are a worthless idiot'))!;
    expect(onlyNewMember([...NEW_MEMBER_FINDINGS.reasons, ...screened.reasons])).toBe(false);
    expect(
      onlyNewMember([...NEW_MEMBER_FINDINGS.reasons, ...findingsFromFlag('spam').reasons]),
    ).toBe(false);
  });
});
