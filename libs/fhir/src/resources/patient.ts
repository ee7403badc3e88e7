import type { ChangedContact } from '@app/contacts';
import type { Patient } from '@medplum/fhirtypes';
import { EXTENSIONS } from './fhir-systems.js';

/**
 * A contact as a Patient: name, phone and email (telecom), birth date. A contact merged into
 * another is inactive and links to it (`replaced-by`); a contact that only claims an address
 * (typed into a form, unproven) carries no telecom and is marked unverified.
 */
export function patientOf(contact: ChangedContact): Patient {
  const telecom: NonNullable<Patient['telecom']> = [];
  if (contact.phone) telecom.push({ system: 'phone', value: contact.phone, use: 'mobile' });
  if (contact.email) telecom.push({ system: 'email', value: contact.email });
  return {
    resourceType: 'Patient',
    id: contact.id,
    meta: { lastUpdated: contact.updatedAt.toISOString() },
    active: contact.mergedInto === null,
    ...(contact.name ? { name: [{ text: contact.name }] } : {}),
    ...(telecom.length ? { telecom } : {}),
    ...(contact.dateOfBirth ? { birthDate: contact.dateOfBirth } : {}),
    ...(contact.mergedInto
      ? { link: [{ other: { reference: `Patient/${contact.mergedInto}` }, type: 'replaced-by' as const }] }
      : {}),
    ...(contact.claimReason
      ? { extension: [{ url: EXTENSIONS.unverifiedClaim, valueCode: contact.claimReason }] }
      : {}),
  };
}
