import type { HiddenReason, Message } from '../api/types';

const HIDDEN_WHY: Record<HiddenReason, string> = {
  personal_details: 'it seems to contain personal details, like a phone number, address or link',
  flags: 'several members asked a moderator to look at it',
  review: 'it is waiting for a moderator',
};

/**
 * A message's text, or what stands in for it. Text is rendered as text
 * (Preact escapes it); it is never parsed as HTML.
 */
export function MessageBody({ message, mine }: { message: Message; mine: boolean }) {
  if (message.status === 'removed') return <p class="body gone">This message was removed.</p>;
  if (message.status === 'hidden' && message.body === null)
    return <p class="body gone">This message is hidden while a moderator reviews it.</p>;
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
