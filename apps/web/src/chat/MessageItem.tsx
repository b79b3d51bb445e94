import { useState } from 'preact/hooks';
import type { Message } from '../api/types';
import { formatTime } from '../app/format';
import type { ChatRoom } from './chat-room';
import { EditForm } from './EditForm';
import { FlagForm } from './FlagForm';
import { MessageActions } from './MessageActions';
import { MessageBody } from './MessageBody';
import { ReactionBar } from './ReactionBar';

export function MessageItem({
  message,
  myId,
  room,
}: {
  message: Message;
  myId: string;
  room: ChatRoom;
}) {
  const [mode, setMode] = useState<'read' | 'edit' | 'flag'>('read');
  const mine = message.author?.id === myId;
  const removed = message.status === 'removed';

  return (
    <li class={mine ? 'message mine' : 'message'} data-seq={message.seq}>
      <p class="meta">
        <span class="author">{message.author ? message.author.handle : 'A former member'}</span>{' '}
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
        {message.editedAt && !removed && <span class="muted"> · edited</span>}
      </p>
      {mode === 'edit' && message.body !== null ? (
        <EditForm
          messageId={message.id}
          initial={message.body}
          onSave={(body) => room.edit(message.id, body)}
          onDone={() => setMode('read')}
        />
      ) : (
        <MessageBody message={message} mine={mine} />
      )}
      {message.status === 'visible' && (
        <ReactionBar message={message} onReact={(kind) => void room.react(message.id, kind)} />
      )}
      {!removed && mode === 'read' && (message.status === 'visible' || mine) && (
        <MessageActions
          mine={mine}
          onEdit={() => setMode('edit')}
          onDelete={() => room.remove(message.id)}
          onFlag={() => setMode('flag')}
        />
      )}
      {mode === 'flag' && (
        <FlagForm
          messageId={message.id}
          onFlag={(reason, note) => room.flag(message.id, reason, note)}
          onDone={() => setMode('read')}
        />
      )}
    </li>
  );
}
