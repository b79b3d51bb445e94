import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChatRoom, ChatState } from './chat-room';
import { MessageItem } from './MessageItem';
import { PendingItem } from './PendingItem';

const NEAR_EDGE_PX = 120;

/**
 * The conversation, oldest at the top. Scrolling near the top loads older
 * messages without moving what the member is reading; new ones keep the view
 * at the bottom unless the member has scrolled up to read.
 */
export function MessageList({
  state,
  room,
  myId,
}: {
  state: ChatState;
  room: ChatRoom;
  myId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const heightBeforeOlder = useRef<number | null>(null);
  const [unseen, setUnseen] = useState(false);
  const firstSeq = state.messages[0]?.seq;
  const count = state.messages.length + state.pending.length;

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_EDGE_PX;
    if (atBottom.current) setUnseen(false);
    if (el.scrollTop < NEAR_EDGE_PX && state.hasOlder && !state.loadingOlder) {
      heightBeforeOlder.current = el.scrollHeight;
      void room.loadOlder();
    }
  };

  // Older messages arrived above: keep the same message under the reader's eyes.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && heightBeforeOlder.current !== null) {
      el.scrollTop += el.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    }
  }, [firstSeq]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || heightBeforeOlder.current !== null) return;
    if (atBottom.current) el.scrollTop = el.scrollHeight;
    else setUnseen(true);
  }, [count, state.ready]);

  // A short first page may not fill the box: there is no scroll to trigger loading, so load now.
  useEffect(() => {
    const el = box.current;
    if (el && state.ready && state.hasOlder && el.scrollHeight <= el.clientHeight)
      void room.loadOlder();
  }, [state.ready, firstSeq, state.hasOlder]);

  const toBottom = () => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
    setUnseen(false);
  };

  return (
    <div class="message-box">
      <div
        class="messages"
        ref={box}
        onScroll={onScroll}
        role="log"
        aria-label="Messages"
        tabIndex={0}
      >
        {state.loadingOlder && <p class="muted center">Loading earlier messages…</p>}
        {state.ready && !state.hasOlder && state.messages.length > 0 && (
          <p class="muted center">This is the start of the conversation.</p>
        )}
        {state.ready && count === 0 && (
          <p class="muted center">No messages yet. You could say hello.</p>
        )}
        <ol>
          {state.messages.map((message) => (
            <MessageItem key={message.id} message={message} myId={myId} room={room} />
          ))}
          {state.pending.map((pending) => (
            <PendingItem key={pending.clientId} pending={pending} room={room} />
          ))}
        </ol>
      </div>
      {unseen && (
        <button type="button" class="new-messages" onClick={toBottom}>
          New messages ↓
        </button>
      )}
    </div>
  );
}
