import { useState } from 'preact/hooks';
import type { ChatRoom } from './chat-room';

const MAX = 4000;

/** Enter sends, Shift+Enter starts a new line. */
export function Composer({ room, disabled }: { room: ChatRoom; disabled: boolean }) {
  const [body, setBody] = useState('');
  const send = () => {
    if (!body.trim() || disabled) return;
    room.send(body);
    setBody('');
  };
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label for="composer-input" class="visually-hidden">
        Write a message
      </label>
      <textarea
        id="composer-input"
        rows={2}
        maxLength={MAX}
        placeholder="Write a message"
        value={body}
        disabled={disabled}
        onInput={(e) => {
          setBody(e.currentTarget.value);
          room.typing();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            send();
          }
        }}
      />
      <button type="submit" class="primary" disabled={disabled || !body.trim()}>
        Send
      </button>
    </form>
  );
}
