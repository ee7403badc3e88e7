import { ConsentRecordSchema } from './consent-record.entity.js';
import { SmsOptOutEventSchema } from './sms-opt-out-event.entity.js';
import { EmailSuppressionEventSchema } from './email-suppression-event.entity.js';
import { EmailTlsRefusalSchema } from './email-tls-refusal.entity.js';
import { ConsentRequestSchema } from './requests/consent-request.entity.js';

/** The tables this lib owns, one `EntitySchema` each (registered with the DataSource by its module). */
export const CONSENT_ENTITIES = [
  ConsentRecordSchema,
  SmsOptOutEventSchema,
  EmailSuppressionEventSchema,
  EmailTlsRefusalSchema,
  ConsentRequestSchema,
];
