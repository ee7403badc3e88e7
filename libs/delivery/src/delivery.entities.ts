import { DeliveryOutboxSchema } from './dispatch/delivery-outbox.entity.js';
import { DeliveryAttemptSchema } from './dispatch/delivery-attempt.entity.js';
import { SecureLinkSchema } from './secure-link.entity.js';
import { UnsubscribeLinkSchema } from './unsubscribe-link.entity.js';
import { PortalCodeSchema } from './portal-code.entity.js';
import { SecureReminderSchema, SecureReminderSendSchema } from './reminders/secure-reminder.entity.js';

/** The tables this lib owns, one `EntitySchema` each (registered with the DataSource by its module). */
export const DELIVERY_ENTITIES = [
  DeliveryOutboxSchema,
  DeliveryAttemptSchema,
  SecureLinkSchema,
  UnsubscribeLinkSchema,
  PortalCodeSchema,
  SecureReminderSchema,
  SecureReminderSendSchema,
];
