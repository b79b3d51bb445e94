import type { Request } from 'express';

/**
 * The caller's address, used only as a rate-limit key and never stored or
 * logged. Behind a proxy, set Express's `trust proxy` so this is the client's.
 */
export const clientAddress = (req: Request): string =>
  req.ip ?? req.socket.remoteAddress ?? 'unknown';
