import { DomainError, type FieldProblem, INVALID_REQUEST_MESSAGE } from '@app/observability';

/** Every failure conversations' use cases name. The HTTP answers are in `http/conversations-http-errors.ts`. */
export enum ConversationsErrorCode {
  ValidationFailed = 'validation_failed',
  ConversationNotFound = 'conversation_not_found',
  ContactNotFound = 'contact_not_found',
  CannedResponseNotFound = 'canned_response_not_found',
  /** No stored attachment with this id on this message (in this practice). */
  AttachmentNotFound = 'attachment_not_found',
  /** The caller's role may not see or do this in the inbox (the refusal is audited first). */
  AccessDenied = 'access_denied',
  /** Reopening while the contact has another conversation that is not closed. */
  ConversationConflict = 'conversation_conflict',
  InvalidAssignee = 'invalid_assignee',
  /** A team id that is not a team of the practice. */
  InvalidTeam = 'invalid_team',
  /** Staff entered a contact whose phone or email another contact holds (details name it). */
  ContactExists = 'contact_exists',
  /** An upload without its `file` part (multipart/form-data). */
  FileRequired = 'file_required',
  /** An upload of a type staff may not send (the allow-list: staff-upload-files.ts). */
  UnsupportedFileType = 'unsupported_file_type',
  /** An upload whose bytes are not of the type it was declared as (or are empty). */
  FileContentMismatch = 'file_content_mismatch',
  /** An upload over MAX_UPLOAD_BYTES. */
  FileTooLarge = 'file_too_large',
  /** An active legal hold is already on this contact (or the practice); details name it. */
  LegalHoldExists = 'legal_hold_exists',
  /** No active legal hold with this id in this practice. */
  LegalHoldNotFound = 'legal_hold_not_found',
}

export class ConversationsError extends DomainError<ConversationsErrorCode> {
  static validation(details: FieldProblem[]): ConversationsError {
    return new ConversationsError(ConversationsErrorCode.ValidationFailed, INVALID_REQUEST_MESSAGE, details);
  }
}

const E = ConversationsErrorCode;

export const conversationNotFound = () =>
  new ConversationsError(E.ConversationNotFound, 'Conversation not found');
export const contactNotFound = () => new ConversationsError(E.ContactNotFound, 'Contact not found');
export const contactExists = (contactId: string) =>
  new ConversationsError(E.ContactExists, 'A contact with this phone or email is on file', { contactId });
export const cannedResponseNotFound = () =>
  new ConversationsError(E.CannedResponseNotFound, 'Canned response not found');
export const attachmentNotFound = () => new ConversationsError(E.AttachmentNotFound, 'Attachment not found');
export const accessDenied = () =>
  new ConversationsError(E.AccessDenied, 'You do not have permission to do this');
export const fileRequired = () =>
  new ConversationsError(E.FileRequired, 'Send the file as the multipart/form-data part `file`');
export const unsupportedFileType = (allowed: readonly string[]) =>
  new ConversationsError(E.UnsupportedFileType, 'This type of file cannot be sent', { allowed });
export const fileContentMismatch = () =>
  new ConversationsError(E.FileContentMismatch, 'The file is empty or not of the type it was sent as');
export const fileTooLarge = (maxBytes: number) =>
  new ConversationsError(E.FileTooLarge, 'The file is too large', { maxBytes });
export const legalHoldExists = (holdId: string) =>
  new ConversationsError(E.LegalHoldExists, 'A legal hold is already active on this subject', { holdId });
export const legalHoldNotFound = () => new ConversationsError(E.LegalHoldNotFound, 'Legal hold not found');
