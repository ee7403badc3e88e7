import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import type { DeliveryChannel } from '../reply-gate.js';
import type { IndexedAddress } from './consent-request-sender.js';

/** The encryption binding of a request's address: whoever decrypts one names it by this. */
export const CONSENT_REQUEST_ADDRESS_COLUMN = 'consent_requests.address';

/** Carrier-confirmed: only a request that reached the handset can be answered by a bare YES/NO. */
const DELIVERED = `('delivered', 'read')`;

/** A live SMS request to a number, with whether the carrier confirmed delivering its message. */
export interface LiveSmsRequest {
  id: string;
  contact_id: string;
  disclosure_version: string;
  delivered: boolean;
}

/** A request as the consent page shows it, with the address it was sent to (encrypted). */
export interface ConsentRequestPageRow {
  id: string;
  contact_id: string;
  channel: 'sms' | 'email';
  status: string;
  answer: 'granted' | 'declined' | null;
  expired: boolean;
  disclosure_version: string;
  address_enc: Buffer;
}

/** consent_requests: the QuickSend and web-form requests, their link tokens and answers. */
@Injectable()
export class ConsentRequestRepository {
  constructor(private readonly keys: KeyRingService) {}

  /** Serializes requests for this contact and channel (the rate limit and the one-live rule are read-then-write). */
  async lockContactChannel(tx: TenantTx, contactId: string, channel: DeliveryChannel): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `consent-request:${tx.tenantId}:${contactId}:${channel}`,
    ]);
  }

  /** Requests of the contact on this channel in the last rolling day. */
  async countSentToday(tx: TenantTx, contactId: string, channel: DeliveryChannel): Promise<number> {
    const [recent] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM consent_requests
       WHERE tenant_id = $1 AND contact_id = $2 AND channel = $3 AND created_at > now() - interval '1 day'`,
      [tx.tenantId, contactId, channel],
    );
    return recent!.n;
  }

  async hasLive(tx: TenantTx, contactId: string, channel: DeliveryChannel): Promise<boolean> {
    const [row] = await tx.query<{ live: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM consent_requests
         WHERE tenant_id = $1 AND contact_id = $2 AND channel = $3 AND status = 'live' AND expires_at > now()) AS live`,
      [tx.tenantId, contactId, channel],
    );
    return row!.live;
  }

  /** The contact's live request on this channel is superseded; how many were. */
  supersedeLive(tx: TenantTx, contactId: string, channel: DeliveryChannel): Promise<number> {
    return tx.execute(
      `UPDATE consent_requests SET status = 'superseded'
       WHERE tenant_id = $1 AND contact_id = $2 AND channel = $3 AND status = 'live'`,
      [tx.tenantId, contactId, channel],
    );
  }

  /** A new live request; the address is stored encrypted and by its blind index. */
  async insertLive(
    tx: TenantTx,
    request: {
      id: string;
      contactId: string;
      channel: DeliveryChannel;
      address: IndexedAddress;
      disclosureVersion: string;
      requestedBy: string | null;
      expiresAt: Date;
      formSubmissionId: string | null;
    },
  ): Promise<void> {
    const cipher = await this.keys.forTenant(tx);
    await tx.execute(
      `INSERT INTO consent_requests (id, tenant_id, contact_id, channel, address_enc, address_bidx,
         disclosure_version, status, requested_by, expires_at, form_submission_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'live', $8, $9, $10)`,
      [
        request.id,
        tx.tenantId,
        request.contactId,
        request.channel,
        cipher.encrypt(CONSENT_REQUEST_ADDRESS_COLUMN, request.address.address),
        request.address.index,
        request.disclosureVersion,
        request.requestedBy,
        request.expiresAt,
        request.formSubmissionId,
      ],
    );
  }

  /**
   * Live, unexpired SMS requests sent to the number, locked. The request's message status is the
   * carrier's word that it arrived (a read of the message store, which the delivery worker and
   * status callbacks keep).
   */
  liveSmsRequestsToForUpdate(tx: TenantTx, addressIndex: Buffer): Promise<LiveSmsRequest[]> {
    return tx.query<LiveSmsRequest>(
      `SELECT r.id, r.contact_id, r.disclosure_version, coalesce(m.status IN ${DELIVERED}, false) AS delivered
       FROM consent_requests r
       LEFT JOIN messages m ON m.tenant_id = r.tenant_id AND m.id = r.message_id
       WHERE r.tenant_id = $1 AND r.channel = 'sms' AND r.address_bidx = $2 AND r.status = 'live'
         AND r.token_hash IS NOT NULL AND r.expires_at > now()
       FOR UPDATE OF r`,
      [tx.tenantId, addressIndex],
    );
  }

  /** The request is answered; the web form submission that led to it, if one did. */
  async markAnswered(
    tx: TenantTx,
    requestId: string,
    decision: 'granted' | 'declined',
  ): Promise<{ formSubmissionId: string | undefined }> {
    const [closed] = await tx.query<{ form_submission_id: string | null }>(
      `UPDATE consent_requests SET status = 'answered', answer = $3, answered_at = now()
       WHERE tenant_id = $1 AND id = $2 RETURNING form_submission_id`,
      [tx.tenantId, requestId, decision],
    );
    return { formSubmissionId: closed?.form_submission_id ?? undefined };
  }

  /** Live SMS requests to the number are cancelled (it opted out). */
  async cancelLiveSmsTo(tx: TenantTx, addressIndex: Buffer): Promise<void> {
    await tx.execute(
      `UPDATE consent_requests SET status = 'cancelled'
       WHERE tenant_id = $1 AND channel = 'sms' AND address_bidx = $2 AND status = 'live'`,
      [tx.tenantId, addressIndex],
    );
  }

  /** Live requests of the contact to an address it no longer has are cancelled; how many were. */
  cancelLiveToAddress(
    tx: TenantTx,
    contactId: string,
    channel: DeliveryChannel,
    addressIndex: Buffer,
  ): Promise<number> {
    return tx.execute(
      `UPDATE consent_requests SET status = 'cancelled'
       WHERE tenant_id = $1 AND contact_id = $2 AND channel = $3 AND address_bidx = $4 AND status = 'live'`,
      [tx.tenantId, contactId, channel, addressIndex],
    );
  }

  /** Sets the link token of a live request's message; false when the request is no longer live. */
  async attachToken(tx: TenantTx, requestId: string, tokenHash: Buffer, messageId: string): Promise<boolean> {
    const live = await tx.execute(
      `UPDATE consent_requests SET token_hash = $3, message_id = $4
       WHERE tenant_id = $1 AND id = $2 AND status = 'live' AND expires_at > now()`,
      [tx.tenantId, requestId, tokenHash, messageId],
    );
    return live > 0;
  }

  /**
   * A merge: the other contact's requests move to the survivor. One live request per contact and
   * channel: the survivor's wins, the other's is superseded first.
   */
  async moveToSurvivor(tx: TenantTx, survivorId: string, otherId: string): Promise<void> {
    await tx.execute(
      `UPDATE consent_requests o SET status = 'superseded'
       WHERE o.tenant_id = $1 AND o.contact_id = $2 AND o.status = 'live' AND EXISTS (
         SELECT 1 FROM consent_requests s
         WHERE s.tenant_id = $1 AND s.contact_id = $3 AND s.channel = o.channel AND s.status = 'live')`,
      [tx.tenantId, otherId, survivorId],
    );
    await tx.execute(`UPDATE consent_requests SET contact_id = $3 WHERE tenant_id = $1 AND contact_id = $2`, [
      tx.tenantId,
      otherId,
      survivorId,
    ]);
  }

  /** The request for the consent page, locked when it is about to be answered. */
  async forPage(tx: TenantTx, requestId: string, forUpdate: boolean): Promise<ConsentRequestPageRow | null> {
    const [row] = await tx.query<ConsentRequestPageRow>(
      `SELECT id, contact_id, channel, status, answer, expires_at <= now() AS expired, disclosure_version,
         address_enc
       FROM consent_requests WHERE tenant_id = $1 AND id = $2 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [tx.tenantId, requestId],
    );
    return row ?? null;
  }

  /** The address a request was sent to, decrypted. */
  async decryptAddress(tx: TenantTx, addressEnc: Buffer): Promise<string> {
    const cipher = await this.keys.forTenant(tx);
    return cipher.decryptString(CONSENT_REQUEST_ADDRESS_COLUMN, addressEnc);
  }
}

/**
 * Forgets the link token of up to `limit` requests that expired before `before` (the request
 * and its answer stay: they are part of the consent trail, never purged); how many. The
 * retention sweep calls it.
 */
export function forgetExpiredRequestTokens(tx: TenantTx, before: Date, limit: number): Promise<number> {
  return tx.execute(
    `UPDATE consent_requests SET token_hash = NULL WHERE tenant_id = $1 AND id IN (
       SELECT id FROM consent_requests
       WHERE tenant_id = $1 AND token_hash IS NOT NULL AND expires_at < $2
       ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)`,
    [tx.tenantId, before, limit],
  );
}
