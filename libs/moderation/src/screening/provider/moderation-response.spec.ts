import { findingsFromModeration } from './moderation-response';

const result = (categories: Record<string, boolean>) => ({
  results: [{ flagged: true, categories }],
});

describe('findingsFromModeration', () => {
  it('reads self-harm as an urgent crisis and threatening as an urgent threat', () => {
    expect(
      findingsFromModeration(result({ 'self-harm/intent': true, 'harassment/threatening': true })),
    ).toEqual([
      { category: 'crisis', detail: 'signs of suicide or self-harm', priority: 'urgent' },
      { category: 'abuse', detail: 'threat of violence', priority: 'urgent' },
    ]);
  });

  it('reads harassment as abuse and violence alone as a possible threat', () => {
    expect(findingsFromModeration(result({ harassment: true, violence: true }))).toEqual([
      { category: 'possible_threat', detail: 'may be a threat of violence', priority: 'normal' },
      { category: 'abuse', detail: 'abusive language', priority: 'high' },
    ]);
  });

  it('finds nothing in a clean answer', () => {
    expect(findingsFromModeration(result({ harassment: false, 'self-harm': false }))).toEqual([]);
  });

  it.each([null, {}, { results: [] }, { results: [{}] }, { results: 'yes' }])(
    'refuses an answer of another shape: %j',
    (body) => expect(() => findingsFromModeration(body)).toThrow(),
  );
});
