import type { ChangedConsentRecord } from '@app/consent';
import type { Consent, Extension } from '@medplum/fhirtypes';
import { EXTENSIONS, SYSTEMS } from './fhir-systems.js';

/**
 * A consent ledger record as a Consent: patient privacy (communication preferences) for one
 * channel and exact address. `granted` permits, `declined` and `revoked` deny; a record a later
 * one of the same address replaced is `inactive`. Evidence: the patient's answering message in
 * `sourceReference`, the method, disclosure (version and hash), attestation and web form in
 * extensions. The ledger is append-only: `meta.lastUpdated` is when the record was written.
 */
export function consentOf(record: ChangedConsentRecord): Consent {
  const at = record.at.toISOString();
  const extension: Extension[] = [{ url: EXTENSIONS.consentMethod, valueCode: record.method }];
  if (record.disclosureVersion)
    extension.push({
      url: EXTENSIONS.disclosure,
      valueString: `${record.disclosureVersion}${record.disclosureHash ? ` sha256:${record.disclosureHash}` : ''}`,
    });
  if (record.evidence?.attestation)
    extension.push({ url: EXTENSIONS.attestation, valueString: record.evidence.attestation });
  if (record.evidence?.formSubmissionId)
    extension.push({ url: EXTENSIONS.formSubmission, valueString: record.evidence.formSubmissionId });
  return {
    resourceType: 'Consent',
    id: record.id,
    meta: { lastUpdated: at },
    extension,
    status: record.superseded ? 'inactive' : 'active',
    scope: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/consentscope',
          code: 'patient-privacy',
          display: 'Privacy Consent',
        },
      ],
    },
    category: [
      { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] },
      { coding: [{ system: SYSTEMS.channel, code: record.channel }] },
    ],
    patient: { reference: `Patient/${record.contactId}` },
    dateTime: at,
    policyRule: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN', display: 'opt-in' },
      ],
    },
    ...(record.inboundMessageId
      ? { sourceReference: { reference: `Communication/${record.inboundMessageId}` } }
      : {}),
    provision: {
      type: record.decision === 'granted' ? 'permit' : 'deny',
      period: { start: at },
      extension: [
        {
          url: EXTENSIONS.consentAddress,
          valueContactPoint: { system: record.channel === 'sms' ? 'phone' : 'email', value: record.address },
        },
      ],
      action: [
        {
          coding: [{ system: SYSTEMS.channel, code: record.channel }],
          text: record.decision,
        },
      ],
    },
  };
}
