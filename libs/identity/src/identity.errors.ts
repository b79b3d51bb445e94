import { DomainError, Errors } from '@kintsugi/platform';

export const IdentityErrors = {
  /** One message whether or not the handle exists, so logins reveal nothing. */
  badCredentials: () => Errors.unauthenticated('That handle and password do not match.'),
  handleTaken: () =>
    new DomainError('HANDLE_TAKEN', 409, 'That handle is taken. Please choose another.'),
  wrongPassword: () => Errors.unauthenticated('That password is not right.'),
  invalidRefreshToken: () => Errors.unauthenticated('Please sign in again.'),
};
