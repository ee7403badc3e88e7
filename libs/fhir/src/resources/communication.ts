import type { AttachmentInfo, ChangedMessage } from '@app/conversations';
import type { Communication, CommunicationPayload } from '@medplum/fhirtypes';
import { SYSTEMS } from './fhir-systems.js';

/** HL7 v3 ParticipationMode (Communication.medium's example binding) by channel. */
const MEDIUM: Record<string, { code: string; display: string }> = {
  sms: { code: 'WRITTEN', display: 'written' },
  email: { code: 'EMAILWRIT', display: 'email' },
  chat: { code: 'ONLINEWRIT', display: 'online written' },
  webform: { code: 'ONLINEWRIT', display: 'online written' },
  portal: { code: 'ONLINEWRIT', display: 'online written' },
};

/** Message status to Communication.status (event-status). */
function statusOf(message: ChangedMessage): Communication['status'] {
  if (message.retractedAt) return 'stopped';
  switch (message.status) {
    case 'queued':
    case 'sending':
      return 'in-progress';
    case 'failed':
    case 'undelivered':
      return 'not-done';
    case 'sent':
    case 'delivered':
    case 'read':
    case 'received':
      return 'completed';
    default:
      return 'unknown';
  }
}

/**
 * A message to or from a patient as a Communication. Staff notes are never read (internal);
 * automatic texts (consent requests, auto-replies, codes) are `kind` system, marked in
 * `category` with their template. The body is `contentString`; each stored attachment a
 * `contentAttachment` whose url is this API's Binary of it. A retracted secure message is
 * `stopped` and shows no body.
 */
export function communicationOf(
  message: ChangedMessage,
  attachments: readonly AttachmentInfo[],
  binaryUrl: (attachmentId: string) => string,
): Communication {
  const patient = message.contactId ? { reference: `Patient/${message.contactId}` } : undefined;
  const inbound = message.direction === 'inbound';
  const at = message.createdAt.toISOString();
  const medium = MEDIUM[message.channel];
  const payload: CommunicationPayload[] = [];
  if (!message.retractedAt) {
    if (message.body) payload.push({ contentString: message.body });
    for (const a of attachments)
      payload.push({
        contentAttachment: {
          ...(a.contentType ? { contentType: a.contentType } : {}),
          url: binaryUrl(a.id),
          title: a.fileName,
          ...(a.sizeBytes !== null ? { size: a.sizeBytes } : {}),
        },
      });
  }
  const category: Array<{ coding: Array<{ system: string; code: string }> }> = [
    { coding: [{ system: SYSTEMS.channel, code: message.channel }] },
    { coding: [{ system: SYSTEMS.messageKind, code: message.kind }] },
  ];
  if (message.kind === 'system' && message.template)
    category.push({ coding: [{ system: SYSTEMS.systemMessage, code: message.template }] });
  const status = statusOf(message);
  return {
    resourceType: 'Communication',
    id: message.id,
    meta: { lastUpdated: message.updatedAt.toISOString() },
    status,
    category,
    ...(medium
      ? {
          medium: [
            {
              coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', ...medium }],
            },
          ],
        }
      : {}),
    ...(patient ? { subject: patient } : {}),
    // An outbound message not yet handed over has no sent time (the time it was written is not one).
    ...(inbound ? { received: at } : status === 'in-progress' ? {} : { sent: at }),
    ...(patient ? (inbound ? { sender: patient } : { recipient: [patient] }) : {}),
    ...(payload.length ? { payload } : {}),
  };
}
