export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'AUDIENCE_MISMATCH'
  | 'BANNED'
  | 'MUTED'
  | 'NOT_FOUND'
  | 'HANDLE_TAKEN'
  | 'GROUP_FULL'
  | 'ALREADY_FLAGGED'
  | 'NOT_A_MEMBER'
  | 'ALREADY_CLAIMED'
  | 'ALREADY_RESOLVED'
  | 'ALREADY_CHECKED_IN'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export interface ErrorDetail {
  field: string;
  problem: string;
}

/** The one error shape of API.md, for HTTP bodies and socket acks alike. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  errorId?: string;
}

/** A refusal decided by the domain; the filters turn it into an ErrorBody as it is. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: ErrorDetail[],
    /** Seconds, sent as `Retry-After` on 429. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return {
      statusCode: this.status,
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export const Errors = {
  validation: (details: ErrorDetail[], message = 'The request is not valid.') =>
    new DomainError('VALIDATION_FAILED', 400, message, details),
  unauthenticated: (message = 'Please sign in again.') =>
    new DomainError('UNAUTHENTICATED', 401, message),
  forbidden: (message = 'You are not allowed to do that.') =>
    new DomainError('FORBIDDEN', 403, message),
  notFound: (what = 'That') => new DomainError('NOT_FOUND', 404, `${what} was not found.`),
  rateLimited: (retryAfterMs: number) => {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return new DomainError(
      'RATE_LIMITED',
      429,
      `Too many attempts. Please wait ${seconds} seconds and try again.`,
      [{ field: 'retryAfterMs', problem: String(retryAfterMs) }],
      seconds,
    );
  },
  payloadTooLarge: () =>
    new DomainError('PAYLOAD_TOO_LARGE', 413, 'The request is larger than 64 KiB.'),
  unsupportedMediaType: () =>
    new DomainError('UNSUPPORTED_MEDIA_TYPE', 415, 'Send the body as application/json.'),
  unavailable: (message = 'The service is not available right now.') =>
    new DomainError('UNAVAILABLE', 503, message),
};
