import { ErrorText } from '../ui/ErrorText';
import { Composer } from './Composer';
import { ConnectionBanner } from './ConnectionBanner';
import { LiveSessionBanner } from './LiveSessionBanner';
import { MessageList } from './MessageList';
import { useChatRoom } from './use-chat-room';
import { WhoIsHere } from './WhoIsHere';

export function ChatRoomView({ groupId, myId }: { groupId: string; myId: string }) {
  const { room, state } = useChatRoom(groupId, myId);
  return (
    <>
      <WhoIsHere online={state.online} typing={state.typing} />
      {state.liveSession && <LiveSessionBanner session={state.liveSession} />}
      <ConnectionBanner />
      <ErrorText message={state.error} />
      {state.removedReason && (
        <p class="notice" role="alert">
          You are no longer in this group, so you cannot post here.
        </p>
      )}
      <MessageList state={state} room={room} myId={myId} />
      <Composer room={room} disabled={!!state.removedReason || !state.ready} />
    </>
  );
}
