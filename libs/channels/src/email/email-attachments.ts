import { type ReceivedAttachment, SERVED_CONTENT_TYPES } from '@app/conversations';

/** What we keep from email: every type we serve (the MMS types plus the documents patients send). */
export const EMAIL_ATTACHMENT_TYPES: ReadonlySet<string> = SERVED_CONTENT_TYPES;
export const MAX_EMAIL_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_EMAIL_ATTACHMENTS = 20;

export type AttachmentRefusal = 'content_type_not_allowed' | 'too_large' | 'empty' | 'too_many';

/**
 * Splits an email's attachments into those we store (encrypted) and those we refuse. A refused
 * one keeps a `failed` row with the reason (never its bytes or name) so staff know it existed.
 */
export function screenAttachments(
  attachments: ReadonlyArray<{ filename: string | null; contentType: string; content: Buffer }>,
): {
  received: ReceivedAttachment[];
  refused: Array<{ contentType: string | null; reason: AttachmentRefusal }>;
} {
  const received: ReceivedAttachment[] = [];
  const refused: Array<{ contentType: string | null; reason: AttachmentRefusal }> = [];
  for (const [index, attachment] of attachments.entries()) {
    const contentType = attachment.contentType.slice(0, 255);
    const reason: AttachmentRefusal | null =
      index >= MAX_EMAIL_ATTACHMENTS
        ? 'too_many'
        : !EMAIL_ATTACHMENT_TYPES.has(contentType)
          ? 'content_type_not_allowed'
          : attachment.content.length === 0
            ? 'empty'
            : attachment.content.length > MAX_EMAIL_ATTACHMENT_BYTES
              ? 'too_large'
              : null;
    if (reason) {
      // Past the limit, one row stands for the rest: a flood of parts cannot flood the table.
      if (reason !== 'too_many' || index === MAX_EMAIL_ATTACHMENTS) refused.push({ contentType, reason });
    } else {
      received.push({ contentType, filename: attachment.filename, content: attachment.content });
    }
  }
  return { received, refused };
}
