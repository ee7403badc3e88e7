import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTokensIn } from '@app/delivery';
import { testClientIp } from '@app/testing';
import { type ChatSession, ChatWidget } from './chat-fixtures.js';
import { freshPhone } from './ingestion-fixtures.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  WEBSITE,
  attestConsent,
  createDeliveryPractice,
  runOutbox,
  conversationOfText,
} from './delivery-fixtures.js';
import { codeSentTo, csrfOf } from './portal-fixtures.js';

type Step =
  | 'chatClaimsPhone'
  | 'chatClaimsEmail'
  | 'formClaimsConsent'
  | 'mergeClaimant'
  | 'grant'
  | 'changePhone'
  | 'reply'
  | 'replyInChat'
  | 'strangerTriesCode'
  | 'patientVerifiesInChat'
  | 'workerRun';

// Invariant 11 with invariant 1, under every interleaving fast-check finds: forged claims (a
// patient's phone or email typed into the chat, a form that ticks "text me" for the patient's
// number) and stale links (sent to a number the patient no longer has) never carry PHI to
// anyone who has not proven the address: no chat visitor reads a reply, nothing goes plain
// without consent the patient really gave, and a link reads only what was sent to its number.
// A stranger never gets past the chat's one-time code; the patient who proves their number
// with it in the chat is the only visitor a reply may reach there.
describe('claims are not identities under random interleavings (property)', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  let worker: INestApplication;
  let chat: ChatWidget;
  const token = () => practice.owner.accessToken;
  const http = () => request(stack.api.getHttpServer());

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    worker = await stack.idleWorker('claims-property-idle');
    practice = await createDeliveryPractice(stack);
    chat = await ChatWidget.create(stack, practice);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const runWorker = () => runOutbox(stack, worker, practice.owner.practiceId);

  async function chatClaim(claim: object): Promise<{ session: ChatSession; contactId: string }> {
    const session = await chat.start(claim);
    const said = await chat.say(session, 'It is me, any news about my results?');
    return { session, contactId: (await chat.conversationOfMessage(said.body.id)).contactId };
  }

  /** What a chat visitor can read: polls (which also keeps them present for the gate). */
  const chatVisible = async (session: ChatSession): Promise<string> =>
    JSON.stringify(await chat.read(session));

  const chatCodesSentTo = async (to: string): Promise<string[]> =>
    (await chat.codesSentTo(to)).map((received) => received.code);

  /** The holder of `phone` opens `link`, proves the number with a code sent to it, and reads. */
  async function threadAsHolderOf(link: string, phone: string): Promise<string> {
    const agent = request.agent(stack.api.getHttpServer());
    const ip = testClientIp();
    const page = await agent.get(`/s/${link}`).set('X-Forwarded-For', ip);
    if (page.status === 404) return ''; // retracted with the number change: nothing to read
    const csrf = csrfOf(page.text);
    const before = (await stack.sentTo(phone)).length;
    await agent.post(`/s/${link}/code`).set('X-Forwarded-For', ip).type('form').send({ csrf }).expect(303);
    await runWorker();
    const code = await codeSentTo(stack, phone, before);
    await agent.post(`/s/${link}/verify`).set('X-Forwarded-For', ip).type('form').send({ csrf, code });
    return (await agent.get(`/s/${link}`).set('X-Forwarded-For', ip)).text;
  }

  it('no chat visitor, form filler or old-number holder ever gets PHI they have not proven a right to', async () => {
    const step = fc.constantFrom<Step>(
      'chatClaimsPhone',
      'chatClaimsEmail',
      'formClaimsConsent',
      'mergeClaimant',
      'grant',
      'changePhone',
      'reply',
      'replyInChat',
      'strangerTriesCode',
      'patientVerifiesInChat',
      'workerRun',
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), async (steps) => {
        runs++;
        // The patient proved their number by texting; staff put their email on file.
        let phone = freshPhone();
        const email = `patient.${runs}.${Math.random().toString(16).slice(2, 8)}@mail.test`;
        const { conversationId, contactId } = await conversationOfText(
          stack,
          practice,
          phone,
          'Hello, I am a patient',
        );
        await stack.staff.patch(`/v1/contacts/${contactId}`, { email }, token()).expect(200);

        /** Consent the patient really gave, per number (staff attested it while it was theirs). */
        const granted = new Set<string>();
        const claimants: Array<{ session: ChatSession; contactId: string; claimed: string }> = [];
        /** The patient's chat, once they proved their number in it: staff replies may reach it. */
        let patientChat: ChatSession | null = null;
        /** Each reply's PHI marker and the number it was addressed to when staff sent it. */
        const replies: Array<{ marker: string; to: string }> = [];
        const oldPhones: string[] = [];
        const seen = new Map<string, number>();

        for (const action of [...steps, 'workerRun' as const]) {
          switch (action) {
            case 'chatClaimsPhone':
              claimants.push({ ...(await chatClaim({ phone })), claimed: phone });
              break;
            case 'chatClaimsEmail':
              claimants.push({ ...(await chatClaim({ email: email.toUpperCase() })), claimed: email });
              break;
            case 'strangerTriesCode': {
              const claimant = claimants.at(-1);
              if (!claimant) break;
              const channel = claimant.claimed === email ? 'email' : 'sms';
              const asked = await chat.verification(claimant.session, '', { channel });
              // Sent; or locked by earlier guesses, rate limited, or the chat was merged into a
              // contact whose address changed since (nothing to send to).
              expect([202, 422, 423, 429]).toContain(asked.status);
              await runWorker();
              // The stranger guesses: none of the codes the owners of these addresses received.
              const sent = new Set(
                (await Promise.all([claimant.claimed, phone, email].map(chatCodesSentTo))).flat(),
              );
              let guess = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
              while (sent.has(guess)) guess = String((Number(guess) + 1) % 1_000_000).padStart(6, '0');
              const tried = await chat.verification(claimant.session, '/confirm', { code: guess });
              expect([400, 423]).toContain(tried.status);
              break;
            }
            case 'patientVerifiesInChat': {
              // The patient types their own number into the chat (a claim like any other) and
              // proves it with the code their phone receives.
              const own = await chatClaim({ phone });
              await chat.verification(own.session, '', { channel: 'sms' }).expect(202);
              await runWorker();
              const [code] = await chatCodesSentTo(phone);
              expect(code).toBeDefined();
              await chat.verification(own.session, '/confirm', { code }).expect(200);
              patientChat = own.session;
              break;
            }
            case 'formClaimsConsent':
              await http()
                .post(`/v1/public/forms/${practice.formKey}/submissions`)
                .set('Origin', WEBSITE)
                .set('X-Forwarded-For', testClientIp())
                .send({ phone, email, message: 'Text me my results', consent: { sms: true, email: true } })
                .expect(202);
              break;
            case 'mergeClaimant': {
              const claimant = claimants.at(-1);
              if (!claimant) break;
              const merged = await stack.staff.post(
                `/v1/contacts/${contactId}/merge`,
                { otherContactId: claimant.contactId },
                token(),
              );
              expect([200, 409]).toContain(merged.status); // 409: that claimant was merged already
              // A merge takes the proof from every chat of both contacts (the patient proves again).
              if (merged.status === 200) patientChat = null;
              break;
            }
            case 'grant':
              await attestConsent(stack, token(), contactId, {
                channel: 'sms',
                method: 'verbal_attested',
                attestation: 'Confirmed on the phone',
              });
              granted.add(phone);
              break;
            case 'changePhone':
              oldPhones.push(phone);
              phone = freshPhone();
              await stack.staff.patch(`/v1/contacts/${contactId}`, { phone }, token()).expect(200);
              break;
            case 'reply':
            case 'replyInChat': {
              const marker = `PHI-${runs}-${replies.length}-${Math.random().toString(36).slice(2, 8)}`;
              const res = await stack.staff.post(
                `/v1/conversations/${conversationId}/replies`,
                {
                  body: `${marker}: your biopsy was benign`,
                  ...(action === 'replyInChat' ? { channel: 'chat' } : {}),
                },
                token(),
              );
              expect(res.status).toBe(202);
              // Only the chat where the patient proved their number answers for them.
              if (!patientChat) expect(res.body.deliveryRoute).not.toBe('chat');
              else if (action === 'replyInChat') {
                expect(res.body.deliveryRoute).toBe('chat');
                expect(await chatVisible(patientChat)).toContain(marker);
              }
              replies.push({ marker, to: phone });
              break;
            }
            case 'workerRun':
              await runWorker();
              for (const to of [phone, ...oldPhones, email]) {
                const sent = (await stack.sentTo(to)).toReversed();
                for (const message of sent.slice(seen.get(to) ?? 0)) {
                  const text = message.body ?? message.text ?? '';
                  for (const { marker } of replies)
                    if (text.includes(marker)) expect(to === email ? false : granted.has(to)).toBe(true);
                }
                seen.set(to, sent.length);
              }
              break;
          }
          // After every step: no chat visitor has read any reply.
          for (const { session } of claimants) {
            const visible = await chatVisible(session);
            for (const { marker } of replies) expect(visible).not.toContain(marker);
          }
          if (patientChat) await chatVisible(patientChat); // the patient is still there
        }

        // Links that went to a number the patient no longer has read only what was sent there.
        for (const old of oldPhones) {
          for (const message of await stack.sentTo(old)) {
            for (const link of linkTokensIn(message.body ?? '')) {
              if (!/secure message/.test(message.body ?? '')) continue;
              const thread = await threadAsHolderOf(link, old);
              for (const { marker, to } of replies) if (to !== old) expect(thread).not.toContain(marker);
            }
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
