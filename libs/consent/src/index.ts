export { parseSmsKeyword, type SmsKeyword, type TwilioOptOutType } from './sms-keywords.js';
export {
  decideReplyRoute,
  type GateInput,
  type GateDecision,
  type AddressState,
  type ConsentDecision,
  type ReplyChannel,
  type DeliveryChannel,
  type BlockReason,
  type SecureReason,
} from './reply-gate.js';
