import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone } from './ingestion-fixtures.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  createDeliveryPractice,
  conversationOfText,
  textFrom,
  runOutbox,
  attestConsent,
} from './delivery-fixtures.js';

type Step = 'grant' | 'revoke' | 'stop' | 'start' | 'reply' | 'workerRun';

/** What must be true of the world, kept by the test from the steps it took. */
interface Model {
  consent: 'granted' | 'none' | 'revoked';
  optedOut: boolean;
}

// Invariants 1 and 2 under every interleaving fast-check can find: the provider never receives a
// plain body without consent valid when the worker sends, and no SMS at all while opted out
// (the one STOP confirmation is the TwiML answer to the STOP itself, not a send).
describe('consent gate under random interleavings (property)', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  let worker: INestApplication;

  beforeAll(async () => {
    // The api and its worker-less queue; this test runs the dispatcher itself, step by step.
    stack = await DeliveryStack.start();
    worker = await stack.idleWorker('property-idle');
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const runWorker = () => runOutbox(stack, worker, practice.owner.practiceId);

  it('never sends plain PHI without consent at send time, nor any SMS after STOP', async () => {
    const token = practice.owner.accessToken;
    const step = fc.constantFrom<Step>('grant', 'revoke', 'stop', 'start', 'reply', 'reply', 'workerRun');
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 12 }), async (steps) => {
        runs++;
        const phone = freshPhone();
        const marker = `PHI-${runs}-${Math.random().toString(36).slice(2, 8)}: your lab result is ready`;
        const { conversationId, contactId } = await conversationOfText(
          stack,
          practice,
          phone,
          'Hello, this is a new patient',
        );
        const model: Model = { consent: 'none', optedOut: false };
        let seen = 0;

        for (const action of [...steps, 'workerRun' as const]) {
          switch (action) {
            case 'grant':
              await attestConsent(stack, token, contactId, {
                channel: 'sms',
                method: 'verbal_attested',
                attestation: 'Agreed by phone',
              });
              model.consent = 'granted';
              break;
            case 'revoke':
              await stack.staff
                .post(`/v1/contacts/${contactId}/consents/revoke`, { channel: 'sms' }, token)
                .expect(201);
              model.consent = 'revoked';
              break;
            case 'stop': {
              const twiml = await textFrom(stack, practice, phone, 'STOP');
              expect(twiml.match(/<Message>/g)).toHaveLength(1);
              model.optedOut = true;
              if (model.consent === 'granted') model.consent = 'revoked';
              break;
            }
            case 'start':
              await textFrom(stack, practice, phone, 'START');
              model.optedOut = false; // PHI consent is NOT restored
              break;
            case 'reply': {
              const res = await stack.staff.post(
                `/v1/conversations/${conversationId}/replies`,
                { body: marker },
                token,
              );
              if (model.optedOut) {
                expect(res.status).toBe(409);
              } else {
                expect(res.status).toBe(202);
                expect(res.body.deliveryRoute).toBe(model.consent === 'granted' ? 'plain' : 'secure_link');
              }
              break;
            }
            case 'workerRun': {
              await runWorker();
              const sent = (await stack.sentTo(phone)).toReversed();
              for (const message of sent.slice(seen)) {
                // Anything reaching the provider now: never while opted out, plain only with consent.
                expect(model.optedOut).toBe(false);
                if (message.body === marker) expect(model.consent).toBe('granted');
                else expect(message.body).not.toContain(marker);
              }
              seen = sent.length;
              break;
            }
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
