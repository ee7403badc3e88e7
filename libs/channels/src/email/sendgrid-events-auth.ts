import { hasValidEventSignature, isFreshSignatureTimestamp } from '@app/providers';
// The events URL secret is made and checked exactly as the inbound parse one.
import { inboundSecretMatches } from './inbound-secret.js';

/** How a channel authenticates its Event Webhook posts (the admin view shows it). */
export type EventsAuthMode = 'signature' | 'url_secret' | 'none';

/** What of the channel the check needs. */
export interface EventsAuthSettings {
  /** SendGrid's ECDSA public key: when set, every post must carry a fresh valid signature. */
  publicKey: string | null;
  /** SHA-256 of the events URL secret, when the channel has one. */
  eventsSecretHash: Buffer | null;
}

/** What of the post the check reads. */
export interface EventsAuthProof {
  rawBody: Buffer | undefined;
  signature: string | null;
  timestamp: string | null;
  /** The secret path segment, when the post came to `/events/:secret`. */
  urlSecret: string | null;
}

export interface EventsAuthRefusal {
  code: 'invalid_secret' | 'invalid_signature' | 'signature_expired' | 'events_unauthenticated';
  message: string;
}

export function eventsAuthMode(settings: EventsAuthSettings): EventsAuthMode {
  if (settings.publicKey) return 'signature';
  return settings.eventsSecretHash ? 'url_secret' : 'none';
}

const refusal = (code: EventsAuthRefusal['code'], message: string): EventsAuthRefusal => ({ code, message });

/**
 * Why a post is refused, or null when it is authenticated. A secret in the URL must always be
 * the channel's; a channel with a public key needs SendGrid's signature over a fresh timestamp
 * (the secret alone is not enough once a key is set); a channel with neither (created before
 * events were always authenticated) takes nothing until an admin gives it one.
 */
export function eventsAuthRefusal(
  settings: EventsAuthSettings,
  proof: EventsAuthProof,
  nowMs: number,
): EventsAuthRefusal | null {
  if (proof.urlSecret !== null && !inboundSecretMatches(proof.urlSecret, settings.eventsSecretHash))
    return refusal('invalid_secret', 'The events URL is not valid for this channel');
  switch (eventsAuthMode(settings)) {
    case 'signature':
      return signatureRefusal(settings.publicKey!, proof, nowMs);
    case 'url_secret':
      return proof.urlSecret === null
        ? refusal('invalid_secret', 'The events URL is not valid for this channel')
        : null;
    case 'none':
      return refusal(
        'events_unauthenticated',
        'This channel cannot authenticate SendGrid events yet: set eventWebhookPublicKey or ' +
          'rotateEventsSecret with PATCH /v1/channels/:id, then configure the events URL it answers',
      );
  }
}

function signatureRefusal(
  publicKey: string,
  proof: EventsAuthProof,
  nowMs: number,
): EventsAuthRefusal | null {
  if (!proof.rawBody || !hasValidEventSignature(publicKey, proof.rawBody, proof.signature, proof.timestamp))
    return refusal('invalid_signature', 'The request signature is not valid for this channel');
  // Checked after the signature, so only a genuine batch learns that it is stale.
  if (!isFreshSignatureTimestamp(proof.timestamp, nowMs))
    return refusal(
      'signature_expired',
      'The request was signed too long ago (or ahead of our clock); SendGrid signs each post as it sends it',
    );
  return null;
}
