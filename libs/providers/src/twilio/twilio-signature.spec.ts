import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { type TwilioSignedRequest, hasValidTwilioSignature } from './twilio-signature.js';

const TOKEN = 'channel-auth-token';
const WEBHOOK_URL = 'https://inbox.example.com/webhooks/twilio/0b5b7a8e-2a4f-4a8e-9f1e-6a1b2c3d4e5f/inbound';
const params = { MessageSid: `SM${'1'.repeat(32)}`, From: '+15551230000', Body: 'Hello & welcome' };

const request = (patch: Partial<TwilioSignedRequest>): TwilioSignedRequest => ({
  url: WEBHOOK_URL,
  params,
  signature: twilio.getExpectedTwilioSignature(TOKEN, WEBHOOK_URL, params),
  ...patch,
});

describe('hasValidTwilioSignature', () => {
  it('accepts the signature Twilio computes over URL and parameters', () => {
    expect(hasValidTwilioSignature(TOKEN, request({}))).toBe(true);
  });

  it('accepts a URL with a query string when it was signed with it', () => {
    const url = `${WEBHOOK_URL}?region=us1`;
    const signature = twilio.getExpectedTwilioSignature(TOKEN, url, params);
    expect(hasValidTwilioSignature(TOKEN, request({ url, signature }))).toBe(true);
  });

  it.each([
    ['no signature', { signature: null }],
    ['another token', { signature: twilio.getExpectedTwilioSignature('other', WEBHOOK_URL, params) }],
    ['another URL', { url: WEBHOOK_URL.replace('/inbound', '/status') }],
    ['a changed parameter', { params: { ...params, Body: 'Hello' } }],
    ['an added parameter', { params: { ...params, NumMedia: '1' } }],
    ['a URL the SDK cannot split', { url: 'http://[' }],
  ])('refuses %s', (_label, patch) => {
    expect(hasValidTwilioSignature(TOKEN, request(patch as Partial<TwilioSignedRequest>))).toBe(false);
  });
});
