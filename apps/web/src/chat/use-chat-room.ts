import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../app/store';
import { ChatRoom } from './chat-room';

/** The open group's room, started on mount and stopped on leaving (the page is keyed by group). */
export function useChatRoom(groupId: string, myId: string) {
  const [room] = useState(() => new ChatRoom(groupId, myId));
  useEffect(() => {
    void room.start();
    return () => room.stop();
  }, [room]);
  return { room, state: useStore(room.state) };
}
