import { MessageRow, PUBLIC_VIEWER, toMessageView } from './message.view';

const row = (over: Partial<MessageRow> = {}): MessageRow => ({
  id: 'm1',
  group_id: 'g1',
  seq: '7',
  author_id: 'author',
  author_shown_id: 'author',
  author_handle: 'quiet-heron',
  author_erased: false,
  client_id: 'c1',
  body: 'the text',
  status: 'visible',
  hidden_reason: null,
  withheld: false,
  session_id: null,
  change_seq: null,
  created_at: new Date('2026-11-24T18:00:00.000Z'),
  edited_at: null,
  counts: { hug: 2 },
  mine: ['hug'],
  ...over,
});

describe('toMessageView (who sees what of a message)', () => {
  it('shows a visible message to everyone with numeric seq and all four counts', () => {
    expect(toMessageView(row(), { id: 'other', canModerate: false })).toEqual({
      id: 'm1',
      groupId: 'g1',
      seq: 7,
      author: { id: 'author', handle: 'quiet-heron' },
      body: 'the text',
      clientId: 'c1',
      createdAt: '2026-11-24T18:00:00.000Z',
      editedAt: null,
      status: 'visible',
      sessionId: null,
      reactions: { counts: { heart: 0, hug: 2, hear_you: 0, strength: 0 }, mine: ['hug'] },
    });
  });

  it('hides a hidden message’s text and reason from other members', () => {
    const view = toMessageView(row({ status: 'hidden', hidden_reason: 'flags' }), PUBLIC_VIEWER);
    expect(view.body).toBeNull();
    expect(view).not.toHaveProperty('hiddenReason');
  });

  it('shows the author their own hidden text and why', () => {
    const view = toMessageView(row({ status: 'hidden', hidden_reason: 'personal_details' }), {
      id: 'author',
      canModerate: false,
    });
    expect(view).toMatchObject({ body: 'the text', hiddenReason: 'personal_details' });
  });

  it('shows moderators the reason but not the text', () => {
    const view = toMessageView(row({ status: 'hidden', hidden_reason: 'review' }), {
      id: 'mod',
      canModerate: true,
    });
    expect(view).toMatchObject({ body: null, hiddenReason: 'review' });
  });

  it('shows the author their own held post (pending) with its text and the kind reason', () => {
    const held = row({ status: 'pending', hidden_reason: 'new_member_review', withheld: true });
    expect(toMessageView(held, { id: 'author', canModerate: false })).toMatchObject({
      status: 'pending',
      body: 'the text',
      hiddenReason: 'new_member_review',
    });
    expect(toMessageView(held, { id: 'mod', canModerate: true })).toMatchObject({
      body: null,
      hiddenReason: 'new_member_review',
    });
    expect(toMessageView(held, PUBLIC_VIEWER).body).toBeNull();
  });

  it('shows nobody, the author included, the text of a removed message', () => {
    expect(
      toMessageView(row({ status: 'removed' }), { id: 'author', canModerate: false }).body,
    ).toBeNull();
  });

  it('reads an erased author as null', () => {
    expect(toMessageView(row({ author_erased: true }), PUBLIC_VIEWER).author).toBeNull();
  });

  it('shows the author as they appear in the group, and still knows the author by the account', () => {
    const under = row({ author_shown_id: 'pseudonym-id', author_handle: 'quiet-heron-3f' });
    expect(toMessageView(under, PUBLIC_VIEWER).author).toEqual({
      id: 'pseudonym-id',
      handle: 'quiet-heron-3f',
    });
    const hidden = { ...under, status: 'hidden' as const, hidden_reason: 'flags' as const };
    expect(toMessageView(hidden, { id: 'author', canModerate: false }).body).toBe('the text');
  });
});
