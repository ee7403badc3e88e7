import { Injectable } from '@nestjs/common';
import { TenantDb } from '@app/database';
import { EMPTY_TWIML } from '@app/providers';
import { InboundSmsHooks } from './inbound-sms-hooks.js';
import { PendingSmsProcessor } from './pending-sms.processor.js';
import { PendingSmsStore } from './pending-sms.store.js';
import { SmsIngest } from './sms-ingest.js';
import { parseInboundSms } from './twilio-payloads.js';
import type { TwilioWebhookRequest } from './twilio-webhook-request.js';
import { TwilioWebhookAuth } from './twilio-webhook-auth.js';

/**
 * An inbound SMS/MMS webhook: authenticate (ChannelCache: no query for a busy channel),
 * validate (malformed: 4xx, nothing written), then one of two paths:
 * - a text a keyword hook claims (STOP/START/HELP/YES/NO) is stored and hooked in this
 *   request's transaction and answered with its TwiML reply, as before: its effect is
 *   committed before Twilio hears back, and its one confirmation is that answer;
 * - any other text is acknowledged (empty TwiML) once its raw form is durably stored in
 *   sms_inbound (encrypted, unique on channel + MessageSid, group-committed), and the worker
 *   makes it a message, in receipt order (PendingSmsProcessor).
 * The second path is what lets one api process answer thousands of webhooks a second: the
 * first costs a contact match, a conversation upsert, audit and counters per request.
 */
@Injectable()
export class TwilioInboundService {
  constructor(
    private readonly db: TenantDb,
    private readonly auth: TwilioWebhookAuth,
    private readonly hooks: InboundSmsHooks,
    private readonly sms: SmsIngest,
    private readonly pending: PendingSmsStore,
    private readonly processor: PendingSmsProcessor,
  ) {}

  /** The TwiML to answer; a retry of the same MessageSid gets the same answer. */
  async receive(request: TwilioWebhookRequest): Promise<string> {
    const { tenantId, channel } = await this.auth.authenticate(request, { allowDeleted: false });
    const sms = parseInboundSms(request.params);
    if (!this.hooks.beforeAck(sms)) {
      this.sms.assertUsableSender(sms);
      await this.pending.accept(tenantId, channel.id, sms);
      return EMPTY_TWIML;
    }
    // Texts acknowledged before this one become messages first: a conversation shows receipt
    // order. One that fails (logged, counted, retried by its job) must not hold up an opt-out.
    await this.processor.drain(tenantId).catch(() => undefined);
    const stored = await this.db.forTenant(tenantId, (tx) => this.sms.store(tx, channel, sms));
    await this.sms.fetchMedia(tenantId, channel, sms, stored.result);
    return stored.twiml;
  }
}
