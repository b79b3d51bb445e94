import type { ChatRoom, PendingMessage } from './chat-room';

/** My message before the server has it: shown at once, with where it stands. */
export function PendingItem({ pending, room }: { pending: PendingMessage; room: ChatRoom }) {
  return (
    <li class="message mine pending" data-client-id={pending.clientId}>
      <p class="body">{pending.body}</p>
      {pending.state === 'sending' && <p class="status muted">Sending…</p>}
      {pending.state === 'waiting' && (
        <p class="status muted">Waiting for the connection to send…</p>
      )}
      {pending.state === 'failed' && (
        <div class="status">
          <p class="error">Not sent: {pending.error}</p>
          <div class="actions">
            <button type="button" onClick={() => room.retry(pending.clientId)}>
              Try again
            </button>
            <button type="button" onClick={() => room.discard(pending.clientId)}>
              Discard
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
