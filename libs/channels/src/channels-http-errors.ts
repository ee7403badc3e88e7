import { httpErrorMap } from '@app/observability';
import { ChannelsError, ChannelsErrorCode as E } from './channels.errors.js';

/** Channels' codes as the API answers them (exhaustive: a new code fails to compile until mapped). */
export const channelsHttpErrors = httpErrorMap(ChannelsError, {
  [E.ValidationFailed]: 400,
  [E.ChannelNotFound]: { status: 404, code: 'not_found' },
  [E.ChatSessionNotFound]: { status: 404, code: 'not_found' },
  [E.ChatSessionExpired]: 409,
  [E.ChatSessionUnproven]: 409,
  [E.InvalidSession]: 401,
  [E.SessionExpired]: 401,
  [E.InvalidSignature]: 403,
  [E.InvalidSecret]: 403,
  [E.SignatureExpired]: 403,
  [E.EventsUnauthenticated]: 403,
});
