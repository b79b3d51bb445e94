import type { HiddenReason, Message } from '../api/types';

const HIDDEN_WHY: Record<HiddenReason, string> = {
  personal_details: 'it seems to contain personal details, like a phone number, address or link',
  flags: 'several members asked a moderator to look at it',
  review: 'it is waiting for a moderator',
  new_member_review: 'a moderator reads a new member’s first posts before the group sees them',
};

/** What the author of a held post reads under it: why, and that nothing is wrong. */
const PENDING_NOTE =
  'Only you can see this for now. Welcome! In this group a moderator reads each new member’s ' +
  'first few posts before everyone else sees them. It happens to everyone who joins, and ' +
  'usually takes a few minutes. Thank you for your patience.';

/**
 * A message's text, or what stands in for it. Text is rendered as text
 * (Preact escapes it); it is never parsed as HTML.
 */
export function MessageBody({ message, mine }: { message: Message; mine: boolean }) {
  if (message.status === 'removed') return <p class="body gone">This message was removed.</p>;
  if (message.status === 'hidden' && message.body === null)
    return <p class="body gone">This message is hidden while a moderator reviews it.</p>;
  if (message.status === 'pending')
    return (
      <>
        <p class="body held">{message.body}</p>
        <p class="hidden-note" role="note">
          {mine ? PENDING_NOTE : 'Waiting for a moderator.'}
        </p>
      </>
    );
  const why = message.hiddenReason ? HIDDEN_WHY[message.hiddenReason] : HIDDEN_WHY.review;
  return (
    <>
      <p class={message.status === 'hidden' ? 'body held' : 'body'}>{message.body}</p>
      {message.status === 'hidden' && (
        <p class="hidden-note">
          {mine
            ? `Only you can see this for now, because ${why}. A moderator will look at it soon.`
            : `Hidden from members because ${why}.`}
        </p>
      )}
    </>
  );
}
