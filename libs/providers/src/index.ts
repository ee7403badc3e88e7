// Provider adapters: pure provider knowledge (SDK clients, signatures, payloads, statuses,
// error classes) returning typed results; the feature libs map them to their own errors.
export type { AcceptedMessage, ReportedStatus } from './delivery-status.js';
export type { ParseResult, PayloadProblem } from './parse-result.js';
export { isPublicAddress } from './public-address.js';
export type { SendFailure } from './send-failure.js';
export * from './sendgrid/index.js';
export * from './twilio/index.js';
