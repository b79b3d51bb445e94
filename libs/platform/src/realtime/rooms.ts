export const CHAT_NAMESPACE = '/chat';

/** Room names shared by the gateway and every emitter. */
export const Rooms = {
  group: (groupId: string) => `group:${groupId}`,
  user: (userId: string) => `user:${userId}`,
};

export function socketAdapterKey(redisPrefix: string): string {
  return `${redisPrefix}-socket.io`;
}
