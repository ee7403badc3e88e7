export { createSandboxApp } from './sandbox-app.js';
export type { SandboxAppOptions, SandboxOptions } from './common/sandbox-options.js';
export type { SentMessage, SentSms, SentEmail } from './common/sent-messages.js';
export {
  REJECTED_TO_NUMBERS,
  REJECTED_FROM_NUMBERS,
  FAILING_DELIVERY_NUMBERS,
} from './twilio/twilio-magic-numbers.js';
export {
  MAGIC_RECIPIENT_OUTCOMES,
  NO_TLS_DOMAIN,
  TLS_REQUIRED_REASON,
} from './sendgrid/sendgrid-magic-recipients.js';
export { DEFAULT_ACCOUNT_SID } from './simulate/twilio-inbound-simulator.service.js';
