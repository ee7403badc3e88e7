// Hand-written SQL, not the entity's repository (TenantTx.repository): the gate reads an address's
// consent facts in every dispatch (measured hot path: `npm run bench delivery`,
// docs/operations.md), and the ledger is append-only behind address locks.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { KeyRingService, normalizeEmail, normalizePhone, type TenantCipher } from '@app/crypto';
import {
  PreparedSql,
  SqlConditions,
  type TenantTx,
  countUpTo,
  fromMicrosSql,
  microsSql,
} from '@app/database';
import { type Actor, requestContext } from '@app/observability';
import {
  type AddressFacts,
  addressFactsFrom,
  type AddressFactsRow,
  addressFactsSql,
} from './address-facts.js';
import { lockAddressForChange } from './address-lock.js';
import type { ConsentDecision, DeliveryChannel } from './reply-gate.js';
import type { ConsentRecordEntity } from './consent-record.entity.js';

/** One address's consent and opt-out or suppression state (see addressFactsSql). */
const ADDRESS_FACTS = new PreparedSql(
  `SELECT ${addressFactsSql({ tenantId: '$1', contactId: '$2', channel: '$3', addressIndex: '$4' })}`,
);

export type ConsentMethod =
  | 'sms_keyword'
  | 'email_link'
  | 'web_link'
  | 'verbal_attested'
  | 'written_attested'
  /** Records from before issue 19 only: a ticked box is intent, never a grant (see `record`). */
  | 'form_checkbox'
  | 'opt_out_keyword'
  | 'provider_opt_out'
  | 'staff_revoked';

export interface ConsentEvidence {
  ip?: string;
  userAgent?: string;
  /** Staff's attestation of verbal/written consent, or a revocation reason. */
  attestation?: string;
  /**
   * The web form submission whose ticked box led to the consent request this answers: the
   * patient's intent, confirmed from the address by this answer (a box alone grants nothing).
   */
  formSubmissionId?: string;
}

export interface RecordConsentInput {
  contactId: string;
  channel: DeliveryChannel;
  /** Any spelling; normalized (E.164 / lowercased email) before it is stored. */
  address: string;
  decision: ConsentDecision;
  method: ConsentMethod;
  actor?: Actor;
  consentRequestId?: string;
  inboundMessageId?: string;
  evidence?: ConsentEvidence;
  /** Required for `granted`: the version and SHA-256 of the disclosure text shown. */
  disclosure?: { version: string; hash: Buffer };
}

export interface ConsentRecord {
  id: string;
  contactId: string;
  channel: DeliveryChannel;
  address: string;
  decision: ConsentDecision;
  method: ConsentMethod;
  actor: { type: string; id: string };
  consentRequestId: string | null;
  inboundMessageId: string | null;
  evidence: ConsentEvidence | null;
  disclosureVersion: string | null;
  disclosureHash: string | null;
  at: Date;
}

/** Which records `changedPage` reads (as ContactRepository's ChangeFeedQuery), optionally one contact's. */
export interface ConsentChangeQuery {
  ids?: readonly string[];
  contactId?: string;
  from?: Date;
  to?: Date;
  after?: { micros: string; id: string };
  limit: number;
}

/** A ledger record, whether a later one replaced it, and its time in microseconds (a cursor's key). */
export type ChangedConsentRecord = ConsentRecord & { superseded: boolean; micros: string };

export type SmsOptOutSource = 'keyword' | 'provider' | 'staff';
export type EmailSuppressionReason = 'bounce' | 'dropped' | 'spamreport' | 'unsubscribe';

/** A contact's addresses' standing blocks (see `ConsentLedger.addressBlocks`); null: none. */
export interface AddressBlocks {
  smsOptOut: { since: Date; source: SmsOptOutSource; keyword: string | null } | null;
  emailSuppression: { since: Date; reason: EmailSuppressionReason } | null;
}

type ConsentRow = Pick<
  ConsentRecordEntity,
  | 'id'
  | 'contact_id'
  | 'channel'
  | 'address_enc'
  | 'decision'
  | 'method'
  | 'actor_type'
  | 'actor_id'
  | 'consent_request_id'
  | 'inbound_message_id'
  | 'evidence_enc'
  | 'disclosure_version'
  | 'disclosure_hash'
  | 'recorded_at'
> & { channel: DeliveryChannel; decision: ConsentDecision; method: ConsentMethod };

export class InvalidAddressError extends Error {
  constructor(readonly channel: DeliveryChannel) {
    super(`Not a valid ${channel === 'sms' ? 'phone number' : 'email address'}`);
    this.name = 'InvalidAddressError';
  }
}

const COL = {
  address: 'consent_records.address',
  evidence: 'consent_records.evidence',
  phone: 'sms_opt_out_events.phone',
};
const SYSTEM: Actor = { type: 'system', id: 'system' };

/**
 * The consent ledger: append-only records per (contact, channel, exact address); the current
 * state is the latest record. Plus the SMS opt-out ledger per (practice, phone). Nothing here
 * updates or deletes a record; every write is audited in the same transaction.
 */
@Injectable()
export class ConsentLedger {
  constructor(
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'DEFAULT_PHONE_REGION'>,
  ) {}

  /**
   * A contact merge: the other contact's records are copied to the survivor (new rows naming
   * their original in `copied_from`, original times kept, so "latest decision wins" still holds).
   * Not a decision, so not audited here: the merge's own `contact.merged` event counts them.
   */
  copyRecordsOnMerge(tx: TenantTx, survivorId: string, otherId: string): Promise<number> {
    return tx.execute(
      `INSERT INTO consent_records (id, tenant_id, contact_id, channel, address_enc, address_bidx, decision, method,
         actor_type, actor_id, consent_request_id, inbound_message_id, evidence_enc, disclosure_version,
         disclosure_hash, copied_from, recorded_at)
       SELECT gen_random_uuid(), tenant_id, $3, channel, address_enc, address_bidx, decision, method,
         actor_type, actor_id, consent_request_id, inbound_message_id, evidence_enc, disclosure_version,
         disclosure_hash, id, recorded_at
       FROM consent_records WHERE tenant_id = $1 AND contact_id = $2`,
      [tx.tenantId, otherId, survivorId],
    );
  }

  /** The canonical address for a channel, or null when it is not one. */
  normalize(channel: DeliveryChannel, address: string): string | null {
    return channel === 'sms'
      ? normalizePhone(address, this.config.DEFAULT_PHONE_REGION)
      : normalizeEmail(address);
  }

  async record(tx: TenantTx, input: RecordConsentInput): Promise<ConsentRecord> {
    const address = this.normalize(input.channel, input.address);
    if (!address) throw new InvalidAddressError(input.channel);
    if (input.decision === 'granted' && !input.disclosure)
      throw new Error('A granted consent needs the disclosure shown');
    // Anyone can tick a box with anyone's address (invariant 11): the patient grants by answering
    // a request from the address (double opt-in), staff by attesting.
    if (input.decision === 'granted' && input.method === 'form_checkbox')
      throw new Error('A form checkbox is intent, not consent: send a consent request');
    const cipher = await this.keys.forTenant(tx);
    const addressIndex = this.index(cipher, input.channel, address);
    // Taking consent away waits for sends already past their consent check (address-lock.ts).
    if (input.decision !== 'granted') await lockAddressForChange(tx, input.channel, addressIndex);
    const actor = input.actor ?? requestContext.get().actor ?? SYSTEM;
    const [row] = await tx.query<ConsentRow>(
      `INSERT INTO consent_records (id, tenant_id, contact_id, channel, address_enc, address_bidx, decision, method,
         actor_type, actor_id, consent_request_id, inbound_message_id, evidence_enc, disclosure_version, disclosure_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
      [
        randomUUID(),
        tx.tenantId,
        input.contactId,
        input.channel,
        cipher.encrypt(COL.address, address),
        addressIndex,
        input.decision,
        input.method,
        actor.type,
        actor.id,
        input.consentRequestId ?? null,
        input.inboundMessageId ?? null,
        input.evidence ? cipher.encrypt(COL.evidence, JSON.stringify(input.evidence)) : null,
        input.disclosure?.version ?? null,
        input.disclosure?.hash ?? null,
      ],
    );
    this.audit.record(tx, {
      action: `consent.${input.decision}`,
      actor,
      target: { type: 'contact', id: input.contactId },
      metadata: { channel: input.channel, method: input.method, consentRecordId: row!.id },
    });
    return this.toRecord(cipher, row!);
  }

  /** Latest record per (channel, address) of the contact. */
  async current(tx: TenantTx, contactId: string): Promise<ConsentRecord[]> {
    const rows = await tx.query<ConsentRow>(
      `SELECT DISTINCT ON (channel, address_bidx) * FROM consent_records
       WHERE tenant_id = $1 AND contact_id = $2
       ORDER BY channel, address_bidx, recorded_at DESC, id DESC`,
      [tx.tenantId, contactId],
    );
    const cipher = await this.keys.forTenant(tx);
    return Promise.all(rows.map((row) => this.toRecord(cipher, row)));
  }

  /** Every record of the contact, newest first. */
  async history(tx: TenantTx, contactId: string, limit = 200): Promise<ConsentRecord[]> {
    const rows = await tx.query<ConsentRow>(
      `SELECT * FROM consent_records WHERE tenant_id = $1 AND contact_id = $2
       ORDER BY recorded_at DESC, id DESC LIMIT $3`,
      [tx.tenantId, contactId, limit],
    );
    const cipher = await this.keys.forTenant(tx);
    return Promise.all(rows.map((row) => this.toRecord(cipher, row)));
  }

  /**
   * How many records `changedPage` would walk through for this query from its first page (no
   * keyset position), counted up to `atMost` (the same index; the caller's cap bounds the work).
   */
  async countChanged(
    tx: TenantTx,
    query: Omit<ConsentChangeQuery, 'after' | 'limit'>,
    atMost: number,
  ): Promise<number> {
    return countUpTo(tx, 'consent_records r', consentChangeWhere(tx, query), atMost);
  }

  /**
   * A page of the practice's consent records in ledger order (recorded_at, id), for the FHIR API
   * and its bulk export: keyset after `after`, optionally only `ids` or one contact's, within
   * [from, to) of recorded_at (index `consent_records_recorded`). `superseded`: a later record of
   * the same contact, channel and address exists (this one no longer decides).
   */
  async changedPage(tx: TenantTx, query: ConsentChangeQuery): Promise<ChangedConsentRecord[]> {
    const where = consentChangeWhere(tx, query);
    if (query.after)
      where.add(
        `(r.recorded_at, r.id) > (${fromMicrosSql('?')}, ?::uuid)`,
        query.after.micros,
        query.after.id,
      );
    const limit = where.param(query.limit);
    const rows = await tx.query<ConsentRow & { micros: string; superseded: boolean }>(
      `SELECT r.*, ${microsSql('r.recorded_at')} AS micros,
         EXISTS (SELECT 1 FROM consent_records n
                 WHERE n.tenant_id = r.tenant_id AND n.contact_id = r.contact_id AND n.channel = r.channel
                   AND n.address_bidx = r.address_bidx AND (n.recorded_at, n.id) > (r.recorded_at, r.id)) AS superseded
       FROM consent_records r WHERE ${where} ORDER BY r.recorded_at, r.id LIMIT ${limit}`,
      where.params,
    );
    const cipher = await this.keys.forTenant(tx);
    return Promise.all(
      rows.map(async (row) => ({
        ...(await this.toRecord(cipher, row)),
        superseded: row.superseded,
        micros: row.micros,
      })),
    );
  }

  /** The current decision for one contact + channel + exact address (null: never asked). */
  async decisionFor(
    tx: TenantTx,
    contactId: string,
    channel: DeliveryChannel,
    address: string,
  ): Promise<ConsentDecision | null> {
    const normalized = this.normalize(channel, address);
    if (!normalized) return null;
    const cipher = await this.keys.forTenant(tx);
    const [row] = await tx.query<{ decision: ConsentDecision }>(
      `SELECT decision FROM consent_records
       WHERE tenant_id = $1 AND contact_id = $2 AND channel = $3 AND address_bidx = $4
       ORDER BY recorded_at DESC, id DESC LIMIT 1`,
      [tx.tenantId, contactId, channel, this.index(cipher, channel, normalized)],
    );
    return row?.decision ?? null;
  }

  /** Consent and (SMS) opt-out or (email) suppression of one exact address, in one round trip. */
  async addressFacts(
    tx: TenantTx,
    contactId: string,
    channel: DeliveryChannel,
    addressIndex: Buffer,
  ): Promise<AddressFacts> {
    const [row] = await tx.query<AddressFactsRow>(ADDRESS_FACTS, [
      tx.tenantId,
      contactId,
      channel,
      addressIndex,
    ]);
    return addressFactsFrom(row, channel);
  }

  /**
   * SendGrid will not (or must not) deliver to the address this email went to again: hard
   * bounce, drop, spam report, unsubscribe. The gate then blocks email to it (`email_suppressed`).
   * Like a revocation it takes the address lock first, so an email being sent to the address
   * right now either saw the suppression or finished before it.
   */
  async suppressEmailAddressOf(
    tx: TenantTx,
    messageId: string,
    reason: 'bounce' | 'dropped' | 'spamreport' | 'unsubscribe',
  ): Promise<void> {
    const [message] = await tx.query<{ to_address_bidx: Buffer | null }>(
      `SELECT to_address_bidx FROM messages WHERE tenant_id = $1 AND id = $2 AND channel = 'email'`,
      [tx.tenantId, messageId],
    );
    if (!message?.to_address_bidx) return;
    await lockAddressForChange(tx, 'email', message.to_address_bidx);
    await tx.execute(
      `INSERT INTO email_suppression_events (id, tenant_id, address_bidx, action, reason, message_id)
       VALUES ($1, $2, $3, 'suppress', $4, $5)`,
      [randomUUID(), tx.tenantId, message.to_address_bidx, reason, messageId],
    );
    this.audit.record(tx, {
      action: 'email.suppressed',
      actor: { type: 'provider', id: 'sendgrid' },
      target: { type: 'message', id: messageId },
      metadata: { reason },
    });
  }

  /**
   * SendGrid's Enforced TLS refused this email: the server of the address it went to could not
   * negotiate TLS. The gate sends consented email to the address as a secure link (`no_tls`) for
   * `recheckDays`, then tries plain over TLS again. One row per message: a redelivered event
   * records nothing. True when recorded now.
   *
   * Unlike a suppression it takes no address lock: Enforced TLS, not the gate, keeps PHI off an
   * unencrypted connection, so a plain email already past the gate is refused in turn (and
   * converted) rather than waited for; and waiting here, with the batch's message rows locked,
   * could close a cycle with the dispatch recording that very message.
   */
  async recordTlsRefusal(tx: TenantTx, messageId: string, recheckDays: number): Promise<boolean> {
    const recorded = await tx.execute(
      `INSERT INTO email_tls_refusals (tenant_id, message_id, address_bidx, recheck_at)
       SELECT tenant_id, id, to_address_bidx, clock_timestamp() + make_interval(days => $3)
       FROM messages WHERE tenant_id = $1 AND id = $2 AND channel = 'email' AND to_address_bidx IS NOT NULL
       ON CONFLICT (tenant_id, message_id) DO NOTHING`,
      [tx.tenantId, messageId, recheckDays],
    );
    if (recorded === 0) return false;
    this.audit.record(tx, {
      action: 'email.tls_refused',
      actor: { type: 'provider', id: 'sendgrid' },
      target: { type: 'message', id: messageId },
      metadata: { recheckDays },
    });
    return true;
  }

  /**
   * Staff lift a suppression once the address works again (the patient fixed the mailbox or
   * asked to be emailed again): an appended `lift` event, audited. False when the address is
   * not suppressed (nothing is written).
   */
  async liftEmailSuppression(tx: TenantTx, addressIndex: Buffer, contactId: string): Promise<boolean> {
    const [current] = await tx.query<{ action: string }>(
      `SELECT action FROM email_suppression_events WHERE tenant_id = $1 AND address_bidx = $2
       ORDER BY recorded_at DESC, id DESC LIMIT 1`,
      [tx.tenantId, addressIndex],
    );
    if (current?.action !== 'suppress') return false;
    await tx.execute(
      `INSERT INTO email_suppression_events (id, tenant_id, address_bidx, action, reason)
       VALUES ($1, $2, $3, 'lift', 'staff')`,
      [randomUUID(), tx.tenantId, addressIndex],
    );
    this.audit.record(tx, { action: 'email.suppression_lifted', target: { type: 'contact', id: contactId } });
    return true;
  }

  /**
   * Revokes every current grant on this address, whichever contact holds it (families share
   * phones): STOP and provider opt-outs apply to the number, not to one person.
   */
  async revokeAddress(
    tx: TenantTx,
    channel: DeliveryChannel,
    address: string,
    method: ConsentMethod,
    extra: Pick<RecordConsentInput, 'actor' | 'inboundMessageId' | 'evidence'> = {},
  ): Promise<ConsentRecord[]> {
    const normalized = this.normalize(channel, address);
    if (!normalized) return [];
    const cipher = await this.keys.forTenant(tx);
    const granted = await tx.query<{ contact_id: string }>(
      `SELECT contact_id FROM (
         SELECT DISTINCT ON (contact_id) contact_id, decision FROM consent_records
         WHERE tenant_id = $1 AND channel = $2 AND address_bidx = $3
         ORDER BY contact_id, recorded_at DESC, id DESC) latest
       WHERE decision = 'granted'`,
      [tx.tenantId, channel, this.index(cipher, channel, normalized)],
    );
    const revoked: ConsentRecord[] = [];
    for (const { contact_id } of granted) {
      revoked.push(
        await this.record(tx, {
          contactId: contact_id,
          channel,
          address: normalized,
          decision: 'revoked',
          method,
          ...extra,
        }),
      );
    }
    return revoked;
  }

  /** Records STOP (opt_out) or START (opt_in) for the practice on this number. */
  async recordSmsOptOut(
    tx: TenantTx,
    input: {
      phone: string;
      action: 'opt_out' | 'opt_in';
      source: 'keyword' | 'provider' | 'staff';
      keyword?: string;
      inboundMessageId?: string;
      actor?: Actor;
    },
  ): Promise<void> {
    const phone = this.normalize('sms', input.phone);
    if (!phone) throw new InvalidAddressError('sms');
    const cipher = await this.keys.forTenant(tx);
    const phoneIndex = cipher.blindIndex('phone', phone);
    if (input.action === 'opt_out') await lockAddressForChange(tx, 'sms', phoneIndex);
    const actor = input.actor ?? requestContext.get().actor ?? SYSTEM;
    const id = randomUUID();
    await tx.query(
      `INSERT INTO sms_opt_out_events (id, tenant_id, phone_enc, phone_bidx, action, source, keyword, inbound_message_id, actor_type, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        tx.tenantId,
        cipher.encrypt(COL.phone, phone),
        phoneIndex,
        input.action,
        input.source,
        input.keyword ?? null,
        input.inboundMessageId ?? null,
        actor.type,
        actor.id,
      ],
    );
    this.audit.record(tx, {
      action: input.action === 'opt_out' ? 'sms.opted_out' : 'sms.opted_in',
      actor,
      target: { type: 'sms_opt_out_event', id },
      metadata: { source: input.source, keyword: input.keyword ?? null },
    });
  }

  async isSmsOptedOut(tx: TenantTx, phone: string): Promise<boolean> {
    const normalized = this.normalize('sms', phone);
    if (!normalized) return false;
    const cipher = await this.keys.forTenant(tx);
    const [row] = await tx.query<{ action: string }>(
      `SELECT action FROM sms_opt_out_events WHERE tenant_id = $1 AND phone_bidx = $2
       ORDER BY recorded_at DESC, id DESC LIMIT 1`,
      [tx.tenantId, cipher.blindIndex('phone', normalized)],
    );
    return row?.action === 'opt_out';
  }

  /**
   * What blocks a contact's addresses regardless of any consent record: the number's standing
   * opt-out (STOP or OptOutType: `keyword`; Twilio 21610: `provider`) and the email address's
   * standing suppression, each since its latest event. For staff, who otherwise learn it from a 409.
   */
  async addressBlocks(
    tx: TenantTx,
    addresses: { phone: string | null; email: string | null },
  ): Promise<AddressBlocks> {
    const phone = addresses.phone ? this.normalize('sms', addresses.phone) : null;
    const email = addresses.email ? this.normalize('email', addresses.email) : null;
    if (!phone && !email) return { smsOptOut: null, emailSuppression: null };
    const cipher = await this.keys.forTenant(tx);
    const [row] = await tx.query<{
      sms: { action: string; source: SmsOptOutSource; keyword: string | null; at: string } | null;
      email: { action: string; reason: EmailSuppressionReason; at: string } | null;
    }>(
      `SELECT
         (SELECT json_build_object('action', action, 'source', source, 'keyword', keyword, 'at', recorded_at)
          FROM sms_opt_out_events WHERE tenant_id = $1 AND phone_bidx = $2
          ORDER BY recorded_at DESC, id DESC LIMIT 1) AS sms,
         (SELECT json_build_object('action', action, 'reason', reason, 'at', recorded_at)
          FROM email_suppression_events WHERE tenant_id = $1 AND address_bidx = $3
          ORDER BY recorded_at DESC, id DESC LIMIT 1) AS email`,
      [
        tx.tenantId,
        phone ? this.index(cipher, 'sms', phone) : null,
        email ? this.index(cipher, 'email', email) : null,
      ],
    );
    const sms = row?.sms?.action === 'opt_out' ? row.sms : null;
    const mail = row?.email?.action === 'suppress' ? row.email : null;
    return {
      smsOptOut: sms ? { since: new Date(sms.at), source: sms.source, keyword: sms.keyword } : null,
      emailSuppression: mail ? { since: new Date(mail.at), reason: mail.reason } : null,
    };
  }

  /** The blind index of a normalized address: the key of consent rows and of the send lock. */
  async addressIndex(tx: TenantTx, channel: DeliveryChannel, normalized: string): Promise<Buffer> {
    return this.index(await this.keys.forTenant(tx), channel, normalized);
  }

  private index(cipher: TenantCipher, channel: DeliveryChannel, normalized: string): Buffer {
    // The same blind-index fields as contacts, so a contact's phone_bidx matches its consent rows.
    return cipher.blindIndex(channel === 'sms' ? 'phone' : 'email', normalized);
  }

  private async toRecord(cipher: TenantCipher, row: ConsentRow): Promise<ConsentRecord> {
    const evidence = await cipher.decryptNullable(COL.evidence, row.evidence_enc);
    return {
      id: row.id,
      contactId: row.contact_id,
      channel: row.channel,
      address: await cipher.decryptString(COL.address, row.address_enc),
      decision: row.decision,
      method: row.method,
      actor: { type: row.actor_type, id: row.actor_id },
      consentRequestId: row.consent_request_id,
      inboundMessageId: row.inbound_message_id,
      evidence: evidence ? (JSON.parse(evidence) as ConsentEvidence) : null,
      disclosureVersion: row.disclosure_version,
      disclosureHash: row.disclosure_hash ? row.disclosure_hash.toString('hex') : null,
      at: row.recorded_at,
    };
  }
}

/** The conditions of a consent change feed query (alias `r`), without its keyset position. */
function consentChangeWhere(tx: TenantTx, query: Omit<ConsentChangeQuery, 'after' | 'limit'>): SqlConditions {
  const where = new SqlConditions([tx.tenantId], 'r.tenant_id = $1');
  if (query.ids) where.add('r.id = ANY(?::uuid[])', query.ids);
  if (query.contactId) where.add('r.contact_id = ?::uuid', query.contactId);
  if (query.from) where.add('r.recorded_at >= ?', query.from);
  if (query.to) where.add('r.recorded_at < ?', query.to);
  return where;
}
