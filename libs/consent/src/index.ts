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
export {
  ConsentLedger,
  InvalidAddressError,
  type ConsentRecord,
  type ConsentChangeQuery,
  type ChangedConsentRecord,
  type ConsentMethod,
  type RecordConsentInput,
  type ConsentEvidence,
  type AddressBlocks,
  type SmsOptOutSource,
  type EmailSuppressionReason,
} from './consent-ledger.js';
export { DISCLOSURES, currentDisclosure, findDisclosure, type Disclosure } from './disclosures.js';
export { ConsentModule } from './consent.module.js';
export { addressLockKey, addressLockKeySql, lockAddressForChange } from './address-lock.js';
export {
  type AddressFacts,
  type AddressFactsRow,
  addressFactsFrom,
  addressFactsSql,
} from './address-facts.js';
export {
  ConsentRequests,
  MAX_REQUESTS_PER_DAY,
  type ConsentRequestRefusal,
  type SentConsentRequest,
  type SmsAnswerOutcome,
} from './requests/consent-requests.js';
export {
  ConsentRequestRepository,
  forgetExpiredRequestTokens,
} from './requests/consent-request.repository.js';
export {
  ConsentRequestSenders,
  type ConsentRequestSender,
  type ConsentRequestRoute,
  type IndexedAddress,
  type QueuedConsentRequest,
} from './requests/consent-request-sender.js';
export {
  SmsKeywordAnswers,
  answersBeforeAck,
  type KeywordAnswer,
  type KeywordSms,
} from './requests/sms-keyword-answers.js';
export { CONSENT_ENTITIES } from './consent.entities.js';
