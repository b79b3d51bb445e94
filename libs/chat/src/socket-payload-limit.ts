import type { Event } from 'socket.io';
import { Errors } from '@kintsugi/platform';

/** API.md: socket payloads over 64 KiB are refused like HTTP bodies. */
export const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;

/**
 * Per-socket middleware: a packet whose arguments weigh more than 64 KiB is
 * answered with PAYLOAD_TOO_LARGE in its ack and goes no further; the socket
 * stays connected (the transport accepts up to 1 MB for that reason).
 */
export function refuseLargePayloads(packet: Event, next: (err?: Error) => void): void {
  const last = packet[packet.length - 1];
  const ack = typeof last === 'function' ? (last as (answer: unknown) => void) : null;
  const args = packet.slice(1, ack ? -1 : undefined);
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(args) ?? '');
  } catch {
    bytes = Infinity;
  }
  if (bytes <= MAX_SOCKET_PAYLOAD_BYTES) return next();
  ack?.({ ok: false, error: Errors.payloadTooLarge().toBody() });
}
