import { randomUUID } from 'node:crypto';
import { HttpException, Logger } from '@nestjs/common';
import { DomainError, ErrorBody, ErrorCode, Errors } from './domain-error';

const logger = new Logger('Errors');

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Framework errors get a fixed message: theirs may quote internals. */
const MESSAGE_BY_STATUS: Record<number, string> = {
  400: 'The request is not valid.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'There is nothing at this address.',
  413: 'The request is larger than 64 KiB.',
  415: 'Send the body as application/json.',
  429: 'Too many attempts. Please wait and try again.',
  503: 'The service is not available right now.',
};

/**
 * PostgreSQL could not be reached or went away: refused connections, a
 * connection cut mid-query, and the server's own "shutting down", "crashed"
 * and "starting up" (SQLSTATE 57P01–57P03, class 08). Nothing is wrong with
 * the request; sending it again later works.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
]);
const UNREACHABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08')))
    return true;
  return UNREACHABLE_MESSAGE.test(error.message);
}

const OUTAGE_LOG_EVERY_MS = 10_000;
let lastOutageLog = -Infinity;
let refusedSinceLog = 0;

/** During an outage every request fails alike: one warning per 10 s, not one error per request. */
function logOutage(error: Error): void {
  refusedSinceLog++;
  if (Date.now() - lastOutageLog < OUTAGE_LOG_EVERY_MS) return;
  logger.warn(
    { err: error.message, refused: refusedSinceLog },
    'Database unreachable: requests refused with UNAVAILABLE',
  );
  lastOutageLog = Date.now();
  refusedSinceLog = 0;
}

/** Errors thrown by Express's body parser carry a `type` and a `status`. */
interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Maps anything thrown to the API.md error shape. A database out of reach is
 * UNAVAILABLE (503: try again). Unexpected errors become INTERNAL with an
 * errorId that is logged with the stack and never shown with it.
 */
export function toErrorBody(error: unknown): { body: ErrorBody; retryAfterSeconds?: number } {
  if (error instanceof DomainError) {
    return { body: error.toBody(), retryAfterSeconds: error.retryAfterSeconds };
  }
  // Nest wraps body-parser errors in an HttpException and keeps the original as its cause.
  const parserError = (
    error instanceof HttpException ? (error.cause ?? error) : error
  ) as BodyParserError;
  if (parserError?.type === 'entity.too.large') return { body: Errors.payloadTooLarge().toBody() };
  if (parserError?.type === 'entity.parse.failed') {
    return { body: Errors.validation([{ field: 'body', problem: 'is not valid JSON' }]).toBody() };
  }
  if (parserError?.type === 'encoding.unsupported' || parserError?.type === 'charset.unsupported') {
    return { body: Errors.unsupportedMediaType().toBody() };
  }
  if (error instanceof HttpException && CODE_BY_STATUS[error.getStatus()]) {
    const status = error.getStatus();
    return {
      body: {
        statusCode: status,
        code: CODE_BY_STATUS[status],
        message: MESSAGE_BY_STATUS[status],
      },
    };
  }
  if (isDatabaseUnreachable(error)) {
    logOutage(error as Error);
    return { body: Errors.unavailable().toBody() };
  }
  const errorId = randomUUID();
  logger.error({ errorId, err: describeForLog(error) }, 'Unexpected error');
  return {
    body: {
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Something went wrong on our side.',
      errorId,
    },
  };
}

/**
 * What of an unexpected error goes to the log: its type, message and stack.
 * Not the whole object: a failed query carries its SQL parameters, which may
 * hold an e-mail or a message body.
 */
function describeForLog(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-Error thrown' };
  return { type: error.constructor.name, message: error.message, stack: error.stack };
}
