// Hand-written SQL, not the entity's repository (TenantTx.repository): contacts are matched and
// touched by blind index in every ingest transaction (measured hot path: `npm run bench webhooks`,
// docs/operations.md), with row locks that order merges against ingestion.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import {
  KeyRingService,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  type TenantCipher,
} from '@app/crypto';
import { SqlConditions, type TenantTx, countUpTo, fromMicrosSql, microsSql } from '@app/database';
import type { ContactEntity } from './contact.entity.js';

export interface Contact {
  id: string;
  name: string | null;
  /** E.164. */
  phone: string | null;
  /** Normalized (lowercased). */
  email: string | null;
  /** ISO date (YYYY-MM-DD). */
  dateOfBirth: string | null;
  leadStage: string | null;
  lastActivityAt: Date | null;
  createdAt: Date;
  /** Set once this contact was merged into another: that one holds its conversations now. */
  mergedInto: string | null;
  /**
   * An unproven claim: someone typed an address (website chat, web form) that this other contact
   * holds, or sent an email SendGrid could not authenticate for its From domain (then null when
   * nobody holds the address). The claimed addresses are kept apart from `phone`/`email`, never
   * matched on.
   */
  claimOf: string | null;
  /** Why this contact is an unproven claim; null for every other contact. */
  claimReason: ClaimReason | null;
  claimed: { phone: string | null; email: string | null } | null;
}

/**
 * `typed_address`: typed into a form of ours (chat, web form); `unauthenticated_email`: the From
 * of an email that neither SPF nor DKIM proved for its domain.
 */
export type ClaimReason = 'typed_address' | 'unauthenticated_email';

/** Changes to a contact; null clears a field. */
export interface ContactPatch {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  dateOfBirth?: string | null;
  leadStage?: string | null;
}

/** The contact's address is not usable (a phone number that is not one, an email that is not one). */
export class InvalidContactFieldError extends Error {
  constructor(readonly field: 'phone' | 'email') {
    super(`Invalid ${field}`);
    this.name = 'InvalidContactFieldError';
  }
}

/** Blind-indexed columns an inbound address can be matched on. */
export type AddressField = 'phone' | 'email';

export interface NewContact {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  dateOfBirth?: string | null;
  leadStage?: string | null;
  /** The contact just got in touch (an inbound message): last activity is now. */
  active?: boolean;
  /** Where the contact came from (the funnel report groups by it); none: staff entered it. */
  source?: ContactSource;
}

/** The channel (and its row, for a web form, SMS number, inbox or widget) a contact first came through. */
export interface ContactSource {
  channel: 'sms' | 'email' | 'webform' | 'chat' | 'portal';
  channelId: string | null;
}

type ContactRow = Pick<
  ContactEntity,
  | 'id'
  | 'name_enc'
  | 'phone_enc'
  | 'email_enc'
  | 'date_of_birth_enc'
  | 'lead_stage'
  | 'last_activity_at'
  | 'created_at'
  | 'merged_into'
  | 'claim_of'
  | 'claim_reason'
  | 'claimed_phone_enc'
  | 'claimed_email_enc'
> & { claim_reason: ClaimReason | null };

/** Column names double as the AAD context, so a ciphertext only decrypts in its own column. */
/** The encryption binding of a contact's name (the inbox decrypts a page of names at once). */
export const CONTACT_NAME_COLUMN = 'contacts.name';
const COL = {
  name: CONTACT_NAME_COLUMN,
  phone: 'contacts.phone',
  email: 'contacts.email',
  dob: 'contacts.date_of_birth',
  claimedPhone: 'contacts.claimed_phone',
  claimedEmail: 'contacts.claimed_email',
} as const;

/**
 * A page of rows in change order: keyset after `after` (the last row's sort key in microseconds
 * and its id), optionally only `ids`, and [from, to) of the change time.
 */
export interface ChangeFeedQuery {
  ids?: readonly string[];
  from?: Date;
  to?: Date;
  after?: { micros: string; id: string };
  limit: number;
}

/** A contact with its change time (`updated_at`) and that time in microseconds (a cursor's key). */
export type ChangedContact = Contact & { updatedAt: Date; micros: string };

/** Contacts followed through `merged_into` before giving up (a merge leaves one hop). */
const MAX_MERGE_HOPS = 4;

/**
 * Contacts with their PHI encrypted: the one mapper between rows and `Contact`. Phone, email
 * and name also get blind indexes so they can be found by exact value without decrypting.
 */
@Injectable()
export class ContactRepository {
  constructor(
    private readonly keys: KeyRingService,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'DEFAULT_PHONE_REGION'>,
  ) {}

  async create(tx: TenantTx, input: NewContact): Promise<Contact> {
    const cipher = await this.keys.forTenant(tx);
    const phone = normalizePhone(input.phone, this.config.DEFAULT_PHONE_REGION);
    const email = normalizeEmail(input.email);
    const name = input.name?.trim() || null;
    const nameKey = normalizeName(name);
    const id = randomUUID();
    const [row] = await tx.query<ContactRow>(
      `INSERT INTO contacts (id, tenant_id, name_enc, phone_enc, email_enc, date_of_birth_enc,
         name_bidx, phone_bidx, email_bidx, lead_stage, last_activity_at, source_channel, source_channel_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $11 THEN now() END, $12, $13) RETURNING *`,
      [
        id,
        tx.tenantId,
        cipher.encryptNullable(COL.name, name),
        cipher.encryptNullable(COL.phone, phone),
        cipher.encryptNullable(COL.email, email),
        cipher.encryptNullable(COL.dob, input.dateOfBirth ?? null),
        nameKey ? cipher.blindIndex('name', nameKey) : null,
        phone ? cipher.blindIndex('phone', phone) : null,
        email ? cipher.blindIndex('email', email) : null,
        input.leadStage ?? null,
        input.active ?? false,
        input.source?.channel ?? 'staff',
        input.source?.channelId ?? null,
      ],
    );
    return this.toContact(cipher, row!);
  }

  /**
   * A contact for someone who claimed addresses (that `claimOf` holds, when one does): the claimed
   * addresses are stored encrypted for staff to see, with no blind index, so no inbound text or
   * email is ever matched to it and no reply is ever sent to them from it.
   */
  async createClaim(
    tx: TenantTx,
    input: {
      name?: string | null;
      claimOf: string | null;
      reason: ClaimReason;
      phone: string | null;
      email: string | null;
      source?: ContactSource;
    },
  ): Promise<Contact> {
    const cipher = await this.keys.forTenant(tx);
    const name = input.name?.trim() || null;
    const nameKey = normalizeName(name);
    const [row] = await tx.query<ContactRow>(
      `INSERT INTO contacts (id, tenant_id, name_enc, name_bidx, claim_of, claim_reason, claimed_phone_enc,
         claimed_email_enc, lead_stage, last_activity_at, source_channel, source_channel_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'new', now(), $9, $10) RETURNING *`,
      [
        randomUUID(),
        tx.tenantId,
        cipher.encryptNullable(COL.name, name),
        nameKey ? cipher.blindIndex('name', nameKey) : null,
        input.claimOf,
        input.reason,
        cipher.encryptNullable(COL.claimedPhone, input.phone),
        cipher.encryptNullable(COL.claimedEmail, input.email),
        input.source?.channel ?? null,
        input.source?.channelId ?? null,
      ],
    );
    return this.toContact(cipher, row!);
  }

  /** The contact holding this address now (a merged one answers with its survivor), without touching it. */
  async holderOf(tx: TenantTx, field: AddressField, index: Buffer): Promise<string | null> {
    const [row] = await tx.query<{ id: string }>(
      `SELECT coalesce(merged_into, id) AS id FROM contacts WHERE tenant_id = $1 AND ${field}_bidx = $2
       ORDER BY last_activity_at DESC NULLS LAST, created_at DESC, id LIMIT 1`,
      [tx.tenantId, index],
    );
    return row?.id ?? null;
  }
  /** The one contact holding this address (a merged one answers with its survivor); null if none or several. */
  async soleHolderOf(tx: TenantTx, field: AddressField, index: Buffer): Promise<string | null> {
    const holders = await tx.query<{ id: string }>(
      `SELECT DISTINCT coalesce(merged_into, id) AS id FROM contacts WHERE tenant_id = $1 AND ${field}_bidx = $2`,
      [tx.tenantId, index],
    );
    return holders.length === 1 ? holders[0]!.id : null;
  }

  async get(tx: TenantTx, id: string): Promise<Contact | null> {
    const [row] = await tx.query<ContactRow>(`SELECT * FROM contacts WHERE id = $1`, [id]);
    return row ? this.toContact(await this.keys.forTenant(tx), row) : null;
  }

  /** Exact match on any spelling of the number; most recently active first (families share phones). */
  async findByPhone(tx: TenantTx, rawPhone: string): Promise<Contact[]> {
    const phone = normalizePhone(rawPhone, this.config.DEFAULT_PHONE_REGION);
    return phone ? this.findByIndex(tx, 'phone', phone) : [];
  }

  async findByEmail(tx: TenantTx, rawEmail: string): Promise<Contact[]> {
    const email = normalizeEmail(rawEmail);
    return email ? this.findByIndex(tx, 'email', email) : [];
  }

  async findByName(tx: TenantTx, rawName: string): Promise<Contact[]> {
    const name = normalizeName(rawName);
    return name ? this.findByIndex(tx, 'name', name) : [];
  }

  /**
   * Marks the most recently active contact with this blind index active now, in one statement;
   * `shared` when other contacts have the same address. Null when no contact has it. The row
   * stays locked until commit, which is what a merge waits for (see `touchLive`).
   */
  async touchMostRecent(
    tx: TenantTx,
    field: AddressField,
    index: Buffer,
  ): Promise<{ id: string; shared: boolean } | null> {
    // A merged contact's address answers with the contact it was merged into. RETURNING shows the
    // row as locked: a merge that committed while this waited names its survivor there.
    const [row] = await tx.query<{ id: string; merged_into: string | null; sharing: string }>(
      `WITH holders AS (
         SELECT coalesce(merged_into, id) AS id, max(last_activity_at) AS active, max(created_at) AS created
         FROM contacts WHERE tenant_id = $1 AND ${field}_bidx = $2 GROUP BY 1),
       best AS (
         SELECT id, (SELECT count(*) FROM holders) AS sharing FROM holders
         ORDER BY active DESC NULLS LAST, created DESC, id LIMIT 1)
       UPDATE contacts c SET last_activity_at = greatest(c.last_activity_at, now()), updated_at = now()
       FROM best WHERE c.tenant_id = $1 AND c.id = best.id
       RETURNING c.id, c.merged_into, best.sharing`,
      [tx.tenantId, index],
    );
    if (!row) return null;
    const id = row.merged_into ? await this.touchLive(tx, row.merged_into) : row.id;
    return { id, shared: Number(row.sharing) > 1 };
  }

  /**
   * Marks the contact active now and returns the contact its messages belong to: itself, or the
   * one it was merged into (the survivor, marked likewise). The row lock held until commit is
   * the one a merge takes (`FOR UPDATE` on both contacts): a merge either waits for this
   * transaction, and then moves what it wrote, or commits first, and this reads `merged_into`.
   */
  async touchLive(tx: TenantTx, contactId: string): Promise<string> {
    let id = contactId;
    // Merges flatten chains (`merged_into` names the final survivor); a few hops cover merges
    // that commit while this follows them.
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const [row] = await tx.query<{ merged_into: string | null }>(
        `UPDATE contacts SET last_activity_at = greatest(last_activity_at, now()), updated_at = now()
         WHERE tenant_id = $1 AND id = $2 RETURNING merged_into`,
        [tx.tenantId, id],
      );
      if (!row) throw new Error('Contact not found while marking it active');
      if (!row.merged_into) return id;
      id = row.merged_into;
    }
    throw new Error('Contact merges did not settle while marking the contact active');
  }

  /**
   * Exact search on one field through its blind index (the value normalized first), a page in
   * id order after `afterId`; merged contacts are left out (their survivor is found instead).
   */
  async search(
    tx: TenantTx,
    field: 'phone' | 'email' | 'name',
    raw: string,
    page: { afterId?: string; limit: number },
  ): Promise<Contact[]> {
    const normalized =
      field === 'phone'
        ? normalizePhone(raw, this.config.DEFAULT_PHONE_REGION)
        : field === 'email'
          ? normalizeEmail(raw)
          : normalizeName(raw);
    if (!normalized) return [];
    const cipher = await this.keys.forTenant(tx);
    const rows = await tx.query<ContactRow>(
      `SELECT k.* FROM contacts k
       WHERE k.tenant_id = $1 AND k.id IN (
         SELECT coalesce(merged_into, id) FROM contacts WHERE tenant_id = $1 AND ${field}_bidx = $2)
         AND ($3::uuid IS NULL OR k.id > $3)
       ORDER BY k.id LIMIT $4`,
      [tx.tenantId, cipher.blindIndex(field, normalized), page.afterId ?? null, page.limit],
    );
    return Promise.all(rows.map((row) => this.toContact(cipher, row)));
  }

  /** The contact's lead stage (a trigger copies it to each of its conversations). */
  async setLeadStage(tx: TenantTx, id: string, stage: string | null): Promise<void> {
    await tx.execute(
      `UPDATE contacts SET lead_stage = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id, stage],
    );
  }

  /** Locks the contacts in id order (until the caller commits); those found, with where each was merged. */
  async lockForMerge(
    tx: TenantTx,
    ids: string[],
  ): Promise<Array<{ id: string; merged_into: string | null }>> {
    return tx.query<{ id: string; merged_into: string | null }>(
      `SELECT id, merged_into FROM contacts WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [tx.tenantId, ids],
    );
  }

  /**
   * Fields the survivor lacks come from the other (same tenant and column: the ciphertext stays
   * valid), then the other and whatever was merged into it point at the survivor.
   */
  async mergeInto(tx: TenantTx, survivorId: string, otherId: string): Promise<void> {
    await tx.execute(
      `UPDATE contacts s SET
         name_enc = coalesce(s.name_enc, o.name_enc), name_bidx = coalesce(s.name_bidx, o.name_bidx),
         phone_enc = coalesce(s.phone_enc, o.phone_enc), phone_bidx = coalesce(s.phone_bidx, o.phone_bidx),
         email_enc = coalesce(s.email_enc, o.email_enc), email_bidx = coalesce(s.email_bidx, o.email_bidx),
         date_of_birth_enc = coalesce(s.date_of_birth_enc, o.date_of_birth_enc),
         lead_stage = coalesce(s.lead_stage, o.lead_stage),
         last_activity_at = greatest(s.last_activity_at, o.last_activity_at), updated_at = now()
       FROM contacts o WHERE s.tenant_id = $1 AND s.id = $2 AND o.tenant_id = $1 AND o.id = $3`,
      [tx.tenantId, survivorId, otherId],
    );
    await tx.execute(
      `UPDATE contacts SET merged_into = $2, updated_at = now() WHERE tenant_id = $1 AND (id = $3 OR merged_into = $3)`,
      [tx.tenantId, survivorId, otherId],
    );
  }

  /** The contact's address blind indexes, its row locked until the caller commits; null: no such contact. */
  async lockAddressIndexes(
    tx: TenantTx,
    contactId: string,
  ): Promise<Record<AddressField, Buffer | null> | null> {
    const [row] = await tx.query<{ phone_bidx: Buffer | null; email_bidx: Buffer | null }>(
      `SELECT phone_bidx, email_bidx FROM contacts WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tx.tenantId, contactId],
    );
    return row ? { phone: row.phone_bidx, email: row.email_bidx } : null;
  }

  /** Applies `patch` (encrypting and re-indexing what changes); null when there is no such contact. */
  async update(tx: TenantTx, id: string, patch: ContactPatch): Promise<Contact | null> {
    const cipher = await this.keys.forTenant(tx);
    const sets: string[] = [];
    const params: unknown[] = [tx.tenantId, id];
    const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value)}`);
    if (patch.name !== undefined) {
      const name = patch.name?.trim() || null;
      const key = normalizeName(name);
      set('name_enc', cipher.encryptNullable(COL.name, name));
      set('name_bidx', key ? cipher.blindIndex('name', key) : null);
    }
    if (patch.phone !== undefined) {
      const phone =
        patch.phone === null ? null : normalizePhone(patch.phone, this.config.DEFAULT_PHONE_REGION);
      if (patch.phone !== null && !phone) throw new InvalidContactFieldError('phone');
      set('phone_enc', cipher.encryptNullable(COL.phone, phone));
      set('phone_bidx', phone ? cipher.blindIndex('phone', phone) : null);
    }
    if (patch.email !== undefined) {
      const email = patch.email === null ? null : normalizeEmail(patch.email);
      if (patch.email !== null && !email) throw new InvalidContactFieldError('email');
      set('email_enc', cipher.encryptNullable(COL.email, email));
      set('email_bidx', email ? cipher.blindIndex('email', email) : null);
    }
    if (patch.dateOfBirth !== undefined)
      set('date_of_birth_enc', cipher.encryptNullable(COL.dob, patch.dateOfBirth));
    if (patch.leadStage !== undefined) set('lead_stage', patch.leadStage);
    const [row] = await tx.query<ContactRow>(
      `UPDATE contacts SET ${[...sets, 'updated_at = now()'].join(', ')}
       WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      params,
    );
    return row ? this.toContact(cipher, row) : null;
  }

  /**
   * A page of the practice's contacts in change order (updated_at, id), for the FHIR API and its
   * bulk export: keyset after `after`, optionally only `ids` and within [from, to) of updated_at
   * (index `contacts_updated`). Merged and claim contacts are included (the caller says which
   * they are); each row carries its sort key in microseconds for the next page's cursor.
   */
  async changedPage(tx: TenantTx, query: ChangeFeedQuery): Promise<ChangedContact[]> {
    const where = changeFeedWhere(tx, query);
    if (query.after)
      where.add(`(updated_at, id) > (${fromMicrosSql('?')}, ?::uuid)`, query.after.micros, query.after.id);
    const limit = where.param(query.limit);
    const rows = await tx.query<ContactRow & { updated_at: Date; micros: string }>(
      `SELECT *, ${microsSql('updated_at')} AS micros FROM contacts
       WHERE ${where} ORDER BY updated_at, id LIMIT ${limit}`,
      where.params,
    );
    const cipher = await this.keys.forTenant(tx);
    return Promise.all(
      rows.map(async (row) => ({
        ...(await this.toContact(cipher, row)),
        updatedAt: row.updated_at,
        micros: row.micros,
      })),
    );
  }

  /**
   * How many contacts `changedPage` would walk through for this query from its first page (no
   * keyset position), counted up to `atMost` (the same index; the caller's cap bounds the work).
   */
  async countChanged(
    tx: TenantTx,
    query: Omit<ChangeFeedQuery, 'after' | 'limit'>,
    atMost: number,
  ): Promise<number> {
    return countUpTo(tx, 'contacts', changeFeedWhere(tx, query), atMost);
  }

  private async findByIndex(
    tx: TenantTx,
    field: 'phone' | 'email' | 'name',
    normalized: string,
  ): Promise<Contact[]> {
    const cipher = await this.keys.forTenant(tx);
    const rows = await tx.query<ContactRow>(
      `SELECT * FROM contacts WHERE tenant_id = $1 AND ${field}_bidx = $2
       ORDER BY last_activity_at DESC NULLS LAST, created_at DESC LIMIT 50`,
      [tx.tenantId, cipher.blindIndex(field, normalized)],
    );
    return Promise.all(rows.map((row) => this.toContact(cipher, row)));
  }

  private async toContact(cipher: TenantCipher, row: ContactRow): Promise<Contact> {
    const [name, phone, email, dateOfBirth, claimedPhone, claimedEmail] = await Promise.all([
      cipher.decryptNullable(COL.name, row.name_enc),
      cipher.decryptNullable(COL.phone, row.phone_enc),
      cipher.decryptNullable(COL.email, row.email_enc),
      cipher.decryptNullable(COL.dob, row.date_of_birth_enc),
      cipher.decryptNullable(COL.claimedPhone, row.claimed_phone_enc),
      cipher.decryptNullable(COL.claimedEmail, row.claimed_email_enc),
    ]);
    return {
      id: row.id,
      name,
      phone,
      email,
      dateOfBirth,
      leadStage: row.lead_stage,
      lastActivityAt: row.last_activity_at,
      createdAt: row.created_at,
      mergedInto: row.merged_into,
      claimOf: row.claim_of,
      claimReason: row.claim_reason,
      claimed: row.claim_reason ? { phone: claimedPhone, email: claimedEmail } : null,
    };
  }
}

/** The conditions of a contact change feed query, without its keyset position. */
function changeFeedWhere(tx: TenantTx, query: Omit<ChangeFeedQuery, 'after' | 'limit'>): SqlConditions {
  const where = new SqlConditions([tx.tenantId], 'tenant_id = $1');
  if (query.ids) where.add('id = ANY(?::uuid[])', query.ids);
  if (query.from) where.add('updated_at >= ?', query.from);
  if (query.to) where.add('updated_at < ?', query.to);
  return where;
}
