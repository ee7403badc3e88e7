import { Injectable } from '@nestjs/common';
import { ConsentRequests } from '@app/consent';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import type { DispatchMessage } from '../outbound/dispatch-read.js';
import type { LinkToken } from './link-tokens.js';
import { newPortalCode, oneTimeCodeHash, PORTAL_CODE_MINUTES } from './portal-codes.js';

const DAY_MS = 86_400_000;

/** The encryption bindings of the addresses a secure or unsubscribe link is bound to (PortalLinkRepository decrypts them). */
export const SECURE_LINK_ADDRESS_COLUMN = 'secure_links.address';
export const UNSUBSCRIBE_LINK_ADDRESS_COLUMN = 'unsubscribe_links.address';

/**
 * What a message carries to the patient and only its hash is stored of, minted in the
 * transaction that persists the attempt: a secure link (`/s/`), an unsubscribe link (`/u/`), a
 * consent request's token (`/c/`), a one-time code. Also reads the hashes back, to recognise our
 * own text at the provider after a crash (an SMS carries no id of ours).
 */
@Injectable()
export class OutgoingLinks {
  constructor(
    private readonly keys: KeyRingService,
    private readonly consentRequests: ConsentRequests,
  ) {}

  /**
   * A link to the secure message `secureMessageId` (default: the message itself, a notice), bound
   * to the contact and the address `message` goes to; a reminder passes the message it reminds of.
   */
  async storeSecureLink(
    tx: TenantTx,
    message: DispatchMessage,
    link: LinkToken,
    days: number,
    secureMessageId: string = message.id,
  ): Promise<void> {
    const cipher = await this.keys.forTenant(tx);
    await tx.execute(
      `INSERT INTO secure_links (id, tenant_id, contact_id, message_id, channel, address_enc, address_bidx, token_hash, expires_at, notice_message_id)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        tx.tenantId,
        message.contactId,
        secureMessageId,
        message.channel,
        cipher.encrypt(SECURE_LINK_ADDRESS_COLUMN, message.address),
        message.addressIndex,
        link.hash,
        new Date(Date.now() + days * DAY_MS),
        secureMessageId === message.id ? null : message.id,
      ],
    );
  }

  async storeUnsubscribeLink(tx: TenantTx, message: DispatchMessage, link: LinkToken): Promise<void> {
    const cipher = await this.keys.forTenant(tx);
    await tx.execute(
      `INSERT INTO unsubscribe_links (id, tenant_id, contact_id, message_id, address_enc, address_bidx, token_hash)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`,
      [
        tx.tenantId,
        message.contactId,
        message.id,
        cipher.encrypt(UNSUBSCRIBE_LINK_ADDRESS_COLUMN, message.address),
        message.addressIndex,
        link.hash,
      ],
    );
  }

  /** The request's link token, if the request is still live (false: superseded, answered, cancelled or expired). */
  attachConsentRequestToken(tx: TenantTx, message: DispatchMessage, link: LinkToken): Promise<boolean> {
    return this.consentRequests.attachToken(tx, message.consentRequestId!, link.hash, message.id);
  }

  /**
   * The code is born here, when it is sent (so a retry sends a fresh one and the api never sees
   * it); only its keyed hash is stored. Null when the code is no longer wanted (the patient or chat
   * visitor asked for a newer one, or verified).
   */
  async mintOneTimeCode(tx: TenantTx, message: DispatchMessage): Promise<string | null> {
    const [row] = await tx.query<{ id: string; link_id: string | null; chat_session_id: string | null }>(
      `SELECT id, link_id, chat_session_id FROM portal_codes
       WHERE tenant_id = $1 AND message_id = $2 AND used_at IS NULL`,
      [tx.tenantId, message.id],
    );
    if (!row) return null;
    const code = newPortalCode();
    const cipher = await this.keys.forTenant(tx);
    await tx.execute(
      `UPDATE portal_codes SET code_hash = $3, expires_at = now() + make_interval(mins => $4)
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, row.id, oneTimeCodeHash(cipher, row, code), PORTAL_CODE_MINUTES],
    );
    return code;
  }

  /** Hashes of every link token minted for this message (to recognise our own text at the provider). */
  async linkTokenHashes(tx: TenantTx, messageId: string): Promise<Buffer[]> {
    const rows = await tx.query<{ token_hash: Buffer }>(
      `SELECT token_hash FROM secure_links
       WHERE tenant_id = $1 AND message_id = $2 AND notice_message_id IS NULL
       UNION ALL
       SELECT token_hash FROM secure_links WHERE tenant_id = $1 AND notice_message_id = $2
       UNION ALL
       SELECT token_hash FROM consent_requests WHERE tenant_id = $1 AND message_id = $2 AND token_hash IS NOT NULL`,
      [tx.tenantId, messageId],
    );
    return rows.map((r) => r.token_hash);
  }

  /**
   * Whether a text at the provider carries the one-time code last minted for this message (an SMS
   * has no id of ours; after a crash this is how the retry recognises the code it already sent).
   */
  async oneTimeCodeMatcher(tx: TenantTx, messageId: string): Promise<(text: string) => boolean> {
    const [row] = await tx.query<{
      link_id: string | null;
      chat_session_id: string | null;
      code_hash: Buffer | null;
    }>(
      `SELECT link_id, chat_session_id, code_hash FROM portal_codes WHERE tenant_id = $1 AND message_id = $2`,
      [tx.tenantId, messageId],
    );
    if (!row?.code_hash) return () => false;
    const cipher = await this.keys.forTenant(tx);
    const hash = row.code_hash;
    return (text) => {
      const code = /\b(\d{6})\b/.exec(text)?.[1];
      return code !== undefined && oneTimeCodeHash(cipher, row, code).equals(hash);
    };
  }
}
