import { httpErrorMap } from '@app/observability';
import { ConversationsError, ConversationsErrorCode as E } from '../conversations.errors.js';

/** Conversations' codes as the API answers them (exhaustive: a new code fails to compile until mapped). */
export const conversationsHttpErrors = httpErrorMap(ConversationsError, {
  [E.ValidationFailed]: 400,
  [E.ConversationNotFound]: { status: 404, code: 'not_found' },
  [E.ContactNotFound]: { status: 404, code: 'not_found' },
  [E.CannedResponseNotFound]: { status: 404, code: 'not_found' },
  [E.AttachmentNotFound]: { status: 404, code: 'not_found' },
  [E.AccessDenied]: { status: 403, code: 'forbidden' },
  [E.ConversationConflict]: 409,
  [E.InvalidAssignee]: 422,
  [E.InvalidTeam]: 422,
  [E.ContactExists]: 409,
  [E.FileRequired]: 400,
  [E.UnsupportedFileType]: 415,
  [E.FileContentMismatch]: 422,
  [E.FileTooLarge]: 413,
  [E.LegalHoldExists]: 409,
  [E.LegalHoldNotFound]: { status: 404, code: 'not_found' },
});
