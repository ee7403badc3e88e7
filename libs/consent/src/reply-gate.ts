/**
 * The consent gate: ONE pure function deciding how a staff reply may leave, from facts read at
 * the moment of the decision. The api applies it when the reply is accepted; the worker applies
 * it again right before handing the message to the provider, so a revocation in between wins.
 *
 *  plain        the reply body goes over SMS/email: only with consent granted for that exact
 *               channel + address (and, for SMS, the number not opted out)
 *  secure_link  the body stays here as a secure message; a PHI-free notice with a link goes out
 *  chat         the visitor who started this contact's conversation is in the website chat now:
 *               answered there (our HTTPS channel). A visitor who only typed the contact's phone
 *               or email has proven nothing and never gets this route.
 *  blocked      nothing may be sent; `reason` says why
 *
 * A message carrying files (staff uploads) never goes plain nor in the chat: a file is never a
 * plain SMS/MMS/email attachment, so with consent the whole message goes as a secure link
 * (reason `has_attachments`); without consent it goes as one anyway, for its own reason.
 *
 * An email address whose mail server could not take a TLS-required email lately (`noTls`: the
 * provider refused to send a plain reply to it without TLS, within the practice's re-check
 * period) gets a consented reply as a secure link (reason `no_tls`): plain PHI email goes over
 * TLS or not at all.
 */
export type ConsentDecision = 'granted' | 'declined' | 'revoked';
export type ReplyChannel = 'sms' | 'email' | 'chat';
export type DeliveryChannel = 'sms' | 'email';

export interface AddressState {
  /** E.164 phone or normalized email. */
  address: string;
  /** The latest consent record for this channel + exact address, if any. */
  consent: ConsentDecision | null;
}

export interface GateInput {
  /** What staff asked for (default: the conversation's last channel). */
  requested: ReplyChannel;
  sms: (AddressState & { optedOut: boolean }) | null;
  email: (AddressState & { suppressed: boolean; noTls: boolean }) | null;
  /**
   * The contact's website chat: `present` when the visitor polled or streamed within the last
   * few minutes, `proven` when that session started this contact's conversation itself.
   */
  chat: { present: boolean; proven: boolean } | null;
  /** The message carries files: they are delivered through the secure link only. */
  attachments: boolean;
}

export type BlockReason = 'recipient_opted_out' | 'no_reachable_address' | 'email_suppressed';
export type SecureReason =
  'no_consent' | 'consent_declined' | 'consent_revoked' | 'has_attachments' | 'no_tls';

export type GateDecision =
  | { route: 'plain'; channel: DeliveryChannel; address: string }
  | { route: 'secure_link'; channel: DeliveryChannel; address: string; reason: SecureReason }
  | { route: 'chat' }
  | { route: 'blocked'; reason: BlockReason };

function byAddress(
  channel: DeliveryChannel,
  state: AddressState,
  attachments: boolean,
  noTls = false,
): GateDecision {
  if (state.consent === 'granted') {
    if (attachments)
      return { route: 'secure_link', channel, address: state.address, reason: 'has_attachments' };
    if (noTls) return { route: 'secure_link', channel, address: state.address, reason: 'no_tls' };
    return { route: 'plain', channel, address: state.address };
  }
  const reason: SecureReason =
    state.consent === 'declined'
      ? 'consent_declined'
      : state.consent === 'revoked'
        ? 'consent_revoked'
        : 'no_consent';
  return { route: 'secure_link', channel, address: state.address, reason };
}

function viaSms(input: GateInput): GateDecision {
  if (!input.sms) return { route: 'blocked', reason: 'no_reachable_address' };
  if (input.sms.optedOut) return { route: 'blocked', reason: 'recipient_opted_out' };
  return byAddress('sms', input.sms, input.attachments);
}

function viaEmail(input: GateInput): GateDecision {
  if (!input.email) return { route: 'blocked', reason: 'no_reachable_address' };
  if (input.email.suppressed) return { route: 'blocked', reason: 'email_suppressed' };
  return byAddress('email', input.email, input.attachments, input.email.noTls);
}

export function decideReplyRoute(input: GateInput): GateDecision {
  switch (input.requested) {
    case 'sms': {
      const sms = viaSms(input);
      // Opted out of SMS: the email route (judged on its own consent) is the only other way.
      if (sms.route === 'blocked' && sms.reason === 'recipient_opted_out') {
        const email = viaEmail(input);
        return email.route === 'blocked' ? sms : email;
      }
      return sms;
    }
    case 'email':
      return viaEmail(input);
    case 'chat': {
      // Files are not sent in the chat: they go through the secure link like any other reply.
      if (input.chat?.present && input.chat.proven && !input.attachments) return { route: 'chat' };
      // The visitor left (or never proved who they are), or the message carries files: hand off to SMS, then email, each
      // through its own consent.
      const sms = viaSms(input);
      if (sms.route !== 'blocked') return sms;
      const email = viaEmail(input);
      if (email.route !== 'blocked') return email;
      return sms.reason === 'recipient_opted_out' ? sms : email;
    }
  }
}
