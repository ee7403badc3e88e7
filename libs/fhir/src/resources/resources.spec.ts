import { randomUUID } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventOf } from './audit-event.js';
import { operationOutcomeOf, searchsetOf } from './bundle.js';
import { capabilityStatementOf } from './capability-statement.js';
import { communicationOf } from './communication.js';
import { consentOf } from './consent.js';
import { patientOf } from './patient.js';
import { loadR4Definitions, r4Problems } from '../../../../test/fhir-r4.js';

const at = new Date('2026-11-02T10:11:12.345Z');
const contactId = randomUUID();
const url = (id: string) => `https://inbox.example/fhir/R4/Binary/${id}`;

describe('FHIR resources of the mappers validate against the R4 definitions', () => {
  beforeAll(loadR4Definitions);

  it('the validator refuses an invalid resource (the check can fail)', () => {
    expect(r4Problems({ resourceType: 'Patient', birthDate: 'yesterday' } as Resource)).not.toEqual([]);
    expect(r4Problems({ resourceType: 'Consent', id: 'x' } as Resource)).not.toEqual([]);
  });

  it('Patient: a live contact, a merged one and an unproven claim', () => {
    const base = {
      id: contactId,
      name: 'Ana Díaz',
      phone: '+15551234567',
      email: 'ana@example.com',
      dateOfBirth: '1980-02-29',
      leadStage: 'new',
      lastActivityAt: at,
      createdAt: at,
      mergedInto: null,
      claimOf: null,
      claimReason: null,
      claimed: null,
      updatedAt: at,
      micros: '1',
    };
    for (const contact of [
      base,
      { ...base, mergedInto: randomUUID() },
      {
        ...base,
        phone: null,
        email: null,
        name: null,
        dateOfBirth: null,
        claimReason: 'typed_address' as const,
      },
    ])
      expect(r4Problems(patientOf(contact))).toEqual([]);
  });

  it('Communication: inbound with attachments, outbound queued, failed, retracted, system', () => {
    const message = {
      id: randomUUID(),
      conversationId: randomUUID(),
      contactId,
      channel: 'sms',
      direction: 'inbound' as const,
      kind: 'message',
      body: 'Can I move my appointment?',
      status: 'received',
      template: null,
      retractedAt: null,
      createdAt: at,
      updatedAt: at,
      micros: '1',
    };
    const attachment = {
      id: randomUUID(),
      messageId: message.id,
      position: 0,
      status: 'stored' as const,
      contentType: 'image/png',
      sizeBytes: 68,
      failureReason: null,
      fileName: 'attachment-1.png',
    };
    const variants = [
      communicationOf(message, [attachment], url),
      communicationOf({ ...message, direction: 'outbound', status: 'queued', channel: 'email' }, [], url),
      communicationOf({ ...message, direction: 'outbound', status: 'undelivered', channel: 'chat' }, [], url),
      communicationOf(
        { ...message, direction: 'outbound', status: 'sent', retractedAt: at, channel: 'portal' },
        [],
        url,
      ),
      communicationOf({ ...message, kind: 'system', template: 'consent_request', contactId: null }, [], url),
    ];
    for (const c of variants) expect(r4Problems(c)).toEqual([]);
    expect(variants[0]!.payload?.[1]?.contentAttachment?.url).toBe(url(attachment.id));
  });

  it('Consent: granted (current), revoked (superseded), declined with evidence', () => {
    const record = {
      id: randomUUID(),
      contactId,
      channel: 'sms' as const,
      address: '+15551234567',
      decision: 'granted' as const,
      method: 'sms_keyword' as const,
      actor: { type: 'patient', id: contactId },
      consentRequestId: randomUUID(),
      inboundMessageId: randomUUID(),
      evidence: { ip: '203.0.113.9', attestation: 'Said yes on the phone', formSubmissionId: randomUUID() },
      disclosureVersion: 'v1',
      disclosureHash: 'ab'.repeat(32),
      at,
      superseded: false,
      micros: '1',
    };
    for (const c of [
      consentOf(record),
      consentOf({ ...record, decision: 'revoked', superseded: true, inboundMessageId: null, evidence: null }),
      consentOf({
        ...record,
        decision: 'declined',
        channel: 'email',
        address: 'a@example.com',
        disclosureVersion: null,
      }),
    ])
      expect(r4Problems(c)).toEqual([]);
    expect(consentOf(record).provision?.type).toBe('permit');
  });

  it('AuditEvent: a staff read, a patient action, a system event without target, an API client', () => {
    const event = {
      id: randomUUID(),
      seq: 1,
      occurredAt: at.toISOString(),
      actor: { type: 'user', id: randomUUID() },
      action: 'conversation.read',
      target: { type: 'conversation', id: randomUUID() },
      outcome: 'success',
      ip: '203.0.113.9',
      userAgent: 'test',
      metadata: { count: 3, reason: null, ok: true },
    };
    for (const e of [
      auditEventOf(event),
      auditEventOf({
        ...event,
        actor: { type: 'patient', id: contactId },
        target: { type: 'contact', id: contactId },
      }),
      auditEventOf({
        ...event,
        actor: { type: 'system', id: 'job:x' },
        target: null,
        metadata: {},
        ip: null,
      }),
      auditEventOf({
        ...event,
        actor: { type: 'api_client', id: randomUUID() },
        outcome: 'denied',
        action: 'fhir.searched',
      }),
    ])
      expect(r4Problems(e)).toEqual([]);
  });

  it('CapabilityStatement, searchset Bundle and OperationOutcome', () => {
    expect(r4Problems(capabilityStatementOf('https://inbox.example', at.toISOString()))).toEqual([]);
    const patient = patientOf({
      id: contactId,
      name: 'A',
      phone: null,
      email: null,
      dateOfBirth: null,
      leadStage: null,
      lastActivityAt: null,
      createdAt: at,
      mergedInto: null,
      claimOf: null,
      claimReason: null,
      claimed: null,
      updatedAt: at,
      micros: '1',
    });
    const bundle = searchsetOf(
      [patient],
      {
        self: 'https://inbox.example/fhir/R4/Patient',
        next: 'https://inbox.example/fhir/R4/Patient?_cursor=x',
      },
      (r) => `https://inbox.example/fhir/R4/${r.resourceType}/${r.id}`,
    );
    expect(r4Problems(bundle)).toEqual([]);
    const counted = searchsetOf(
      [patient],
      { self: 'https://inbox.example/fhir/R4/Patient?_total=accurate', next: null },
      (r) => `https://inbox.example/fhir/R4/${r.resourceType}/${r.id}`,
      { total: 1 },
    );
    expect(counted.total).toBe(1);
    expect(r4Problems(counted)).toEqual([]);
    const uncounted = searchsetOf(
      [patient],
      { self: 'https://inbox.example/fhir/R4/Patient?_total=accurate', next: null },
      (r) => `https://inbox.example/fhir/R4/${r.resourceType}/${r.id}`,
      { outcome: operationOutcomeOf('too-costly', 'Not counted: more than 10000 matches', [], 'warning') },
    );
    expect(uncounted.total).toBeUndefined();
    expect(uncounted.entry![0]).toMatchObject({
      search: { mode: 'outcome' },
      resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'warning', code: 'too-costly' }] },
    });
    expect(r4Problems(uncounted)).toEqual([]);
    expect(r4Problems(operationOutcomeOf('invalid', '_count must be 1 to 1000', ['_count']))).toEqual([]);
  });
});
