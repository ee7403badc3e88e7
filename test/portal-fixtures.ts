import request from 'supertest';
import { expect } from 'vitest';
import { linkTokensIn } from '@app/delivery';
import { testClientIp } from '@app/testing';
import type { DeliveryPractice, DeliveryStack, Patient, SentView } from './delivery-fixtures.js';
import { waitFor } from './ingestion-fixtures.js';

export const SECRET_REPLY = 'Your A1c is 6.1; keep the metformin at 500 mg';

/** A staff reply without consent: it becomes a secure message; returns the link the patient got. */
export async function secureMessageTo(
  stack: DeliveryStack,
  practice: DeliveryPractice,
  patient: Patient,
  body = SECRET_REPLY,
  channel: 'sms' | 'email' = 'sms',
): Promise<{ messageId: string; token: string; url: string }> {
  const before = (await stack.sentTo(channel === 'sms' ? patient.phone : patient.email)).length;
  const res = await stack.staff
    .post(
      `/v1/conversations/${patient.conversationId}/replies`,
      { body, channel },
      practice.owner.accessToken,
    )
    .expect(202);
  expect(res.body.deliveryRoute).toBe('secure_link');
  const sent = await waitFor(async () => {
    const all = await stack.sentTo(channel === 'sms' ? patient.phone : patient.email);
    return all.length > before && all[0];
  }, 15_000);
  const text = (sent.body ?? sent.text)!;
  const token = linkTokensIn(text)[0]!;
  return { messageId: res.body.messageId, token, url: `${stack.publicBaseUrl()}/s/${token}` };
}

/** A QuickSend consent request by email; returns the text of the email the patient got. */
export async function emailedConsentRequest(
  stack: DeliveryStack,
  practice: DeliveryPractice,
  patient: Patient,
): Promise<string> {
  const before = (await stack.sentTo(patient.email)).length;
  await stack.staff
    .post(
      `/v1/contacts/${patient.contactId}/consent-requests`,
      { channel: 'email' },
      practice.owner.accessToken,
    )
    .expect(202);
  const email = await waitFor(async () => {
    const all = await stack.sentTo(patient.email);
    return all.length > before && all[0];
  }, 15_000);
  return email.text!;
}

/** The newest one-time code the sandbox delivered to `to` after `after` messages were there. */
export async function codeSentTo(stack: DeliveryStack, to: string, after: number): Promise<string> {
  const sent: SentView = await waitFor(async () => {
    const all = await stack.sentTo(to);
    return all.length > after && /verification code/.test(all[0]!.body ?? all[0]!.text ?? '') && all[0];
  }, 15_000);
  return /\b(\d{6})\b/.exec((sent.body ?? sent.text)!)![1]!;
}

export function csrfOf(html: string): string {
  return /name="csrf" value="([^"]+)"/.exec(html)![1]!;
}

export function submissionIdOf(html: string): string {
  return /name="submissionId" value="([^"]+)"/.exec(html)![1]!;
}

/** A page without its per-response nonce, to compare two pages for equality. */
export function withoutNonce(html: string): string {
  return html.replace(/nonce="[^"]+"/g, 'nonce=""');
}

/** One browser on the patient pages: keeps cookies, comes from its own address (per-IP limits). */
export function portalBrowser(stack: DeliveryStack) {
  const agent = request.agent(stack.api.getHttpServer());
  const ip = testClientIp();
  return {
    get: (path: string) => agent.get(path).set('X-Forwarded-For', ip),
    post: (path: string, form: Record<string, string>) =>
      agent.post(path).set('X-Forwarded-For', ip).type('form').send(form),
  };
}
export type PortalBrowser = ReturnType<typeof portalBrowser>;

/** "Send me a code" on the link's page; the code the sandbox then delivered to `to`. */
export async function requestPortalCode(
  stack: DeliveryStack,
  b: PortalBrowser,
  token: string,
  csrf: string,
  to: string,
): Promise<string> {
  const before = (await stack.sentTo(to)).length;
  await b.post(`/s/${token}/code`, { csrf }).expect(303);
  return codeSentTo(stack, to, before);
}
