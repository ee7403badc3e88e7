import { DomainError, type FieldProblem, INVALID_REQUEST_MESSAGE } from '@app/observability';

/** Every failure channels' use cases name. The HTTP answers are in `channels-http-errors.ts`. */
export enum ChannelsErrorCode {
  ValidationFailed = 'validation_failed',
  ChannelNotFound = 'channel_not_found',
  ChatSessionNotFound = 'chat_session_not_found',
  /** The visitor's session ended: staff reply by another channel. */
  ChatSessionExpired = 'chat_session_expired',
  ChatSessionUnproven = 'chat_session_unproven',
  /** The visitor's own token names no live session. */
  InvalidSession = 'invalid_session',
  SessionExpired = 'session_expired',
  InvalidSignature = 'invalid_signature',
  InvalidSecret = 'invalid_secret',
  SignatureExpired = 'signature_expired',
  EventsUnauthenticated = 'events_unauthenticated',
}

export class ChannelsError extends DomainError<ChannelsErrorCode> {
  static validation(details: FieldProblem[]): ChannelsError {
    return new ChannelsError(ChannelsErrorCode.ValidationFailed, INVALID_REQUEST_MESSAGE, details);
  }
}

export const channelNotFound = () =>
  new ChannelsError(ChannelsErrorCode.ChannelNotFound, 'Channel not found');
