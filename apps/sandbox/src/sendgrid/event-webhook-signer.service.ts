import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { Injectable } from '@nestjs/common';

export interface EventWebhookSignature {
  signature: string;
  timestamp: string;
}

export const SIGNATURE_HEADER = 'X-Twilio-Email-Event-Webhook-Signature';
export const TIMESTAMP_HEADER = 'X-Twilio-Email-Event-Webhook-Timestamp';

/**
 * Signs Event Webhook posts as SendGrid does: ECDSA P-256 with SHA-256 over `timestamp + body`,
 * DER signature in base64. The key pair lives as long as the process, like a SendGrid account's.
 */
@Injectable()
export class EventWebhookSigner {
  private readonly privateKey: KeyObject;
  /** Base64 DER (SPKI), the format SendGrid hands out and `EventWebhook.convertPublicKeyToECDSA` reads. */
  readonly publicKey: string;

  constructor() {
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  }

  sign(body: string, now: Date = new Date()): EventWebhookSignature {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = sign('sha256', Buffer.from(timestamp + body, 'utf8'), this.privateKey).toString(
      'base64',
    );
    return { signature, timestamp };
  }
}
