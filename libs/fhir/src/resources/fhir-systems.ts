/**
 * Code systems and identifier systems of this API's own codes (channels, audit actions, actor
 * types, consent evidence). Fixed URNs, the same in every deployment.
 */
const BASE = 'urn:inbox:fhir';

export const SYSTEMS = {
  channel: `${BASE}:channel`,
  messageKind: `${BASE}:message-kind`,
  systemMessage: `${BASE}:system-message`,
  auditAction: `${BASE}:audit-action`,
  actorType: `${BASE}:actor-type`,
  targetType: `${BASE}:target-type`,
  consentMethod: `${BASE}:consent-method`,
} as const;

/** Extensions this API writes (their URLs). */
export const EXTENSIONS = {
  consentAddress: `${BASE}:extension:consent-address`,
  consentMethod: `${BASE}:extension:consent-method`,
  disclosure: `${BASE}:extension:consent-disclosure`,
  attestation: `${BASE}:extension:consent-attestation`,
  formSubmission: `${BASE}:extension:consent-form-submission`,
  unverifiedClaim: `${BASE}:extension:unverified-claim`,
} as const;

export const FHIR_VERSION = '4.0.1';
