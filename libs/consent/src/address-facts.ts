import type { ConsentDecision, DeliveryChannel } from './reply-gate.js';

/** What the consent gate needs to know about one exact address, besides the address itself. */
export interface AddressFacts {
  /** The latest consent decision for this contact, channel and exact address (null: never asked). */
  consent: ConsentDecision | null;
  /** SMS: the number's latest opt-out event is a STOP (or a provider's 21610). */
  optedOut: boolean;
  /** Email: the address's latest suppression event suppresses it (bounce, spam report...). */
  suppressed: boolean;
  /** Email: a TLS-required email to the address was refused since its re-check time (see email_tls_refusals). */
  noTls: boolean;
}

export interface AddressFactsRow {
  consent: ConsentDecision | null;
  blocked: string | null;
  no_tls: boolean | null;
}

/**
 * Select-list SQL reading an address's facts from the ledgers, for SQL expressions naming the
 * tenant, the contact, the channel and the address's blind index: one definition for the read
 * at reply time (parameters) and the read at send time (the message row's own columns). Its row
 * (`consent`, `blocked`, `no_tls`) is read with `addressFactsFrom`.
 */
export function addressFactsSql(c: {
  tenantId: string;
  contactId: string;
  channel: string;
  addressIndex: string;
}): string {
  return `(SELECT decision FROM consent_records
           WHERE tenant_id = ${c.tenantId} AND contact_id = ${c.contactId} AND channel = ${c.channel}
             AND address_bidx = ${c.addressIndex}
           ORDER BY recorded_at DESC, id DESC LIMIT 1) AS consent,
          CASE WHEN ${c.channel} = 'sms' THEN
            (SELECT action FROM sms_opt_out_events WHERE tenant_id = ${c.tenantId} AND phone_bidx = ${c.addressIndex}
             ORDER BY recorded_at DESC, id DESC LIMIT 1)
          ELSE
            (SELECT action FROM email_suppression_events WHERE tenant_id = ${c.tenantId} AND address_bidx = ${c.addressIndex}
             ORDER BY recorded_at DESC, id DESC LIMIT 1) END AS blocked,
          ${c.channel} = 'email' AND EXISTS (
            SELECT 1 FROM email_tls_refusals WHERE tenant_id = ${c.tenantId} AND address_bidx = ${c.addressIndex}
              AND recheck_at > now()) AS no_tls`;
}

export function addressFactsFrom(row: AddressFactsRow | undefined, channel: DeliveryChannel): AddressFacts {
  return {
    consent: row?.consent ?? null,
    optedOut: channel === 'sms' && row?.blocked === 'opt_out',
    suppressed: channel === 'email' && row?.blocked === 'suppress',
    noTls: channel === 'email' && row?.no_tls === true,
  };
}
