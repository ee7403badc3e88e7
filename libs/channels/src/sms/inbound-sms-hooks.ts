import { Inject, Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';

/** An inbound SMS just stored, as hooks see it. */
export interface InboundSms {
  tenantId: string;
  channelId: string;
  /** The practice's number the patient texted (the channel's), E.164. */
  channelNumber: string;
  messageId: string;
  conversationId: string;
  contactId: string | null;
  /** The sender's number as Twilio sent it. */
  from: string;
  body: string;
  /** Twilio Advanced Opt-Out's classification (STOP | START | HELP), when it made one. */
  optOutType: string | null;
}

/** What a hook may look at before anything is stored, to claim a message for the synchronous path. */
export type ArrivingSms = Pick<InboundSms, 'body' | 'optOutType'>;

/**
 * The extension point for SMS keywords (STOP/START/HELP/YES/NO: the consent issue). A hook runs
 * inside the transaction that stored the message, after it was stored, so what it records
 * (an opt-out, a consent answer) commits or rolls back together with the message. It may
 * return a reply, sent back as TwiML; replies are fixed templates, never PHI (invariant 3).
 *
 * Most texts are acknowledged before they are stored as messages (the worker does that, and
 * runs the hooks then, when no TwiML reply is possible any more). A hook claims, with the pure
 * `beforeAck`, the texts it must handle before Twilio gets its answer: those are stored and
 * hooked in the webhook's own transaction, and only they can get a reply.
 */
export interface InboundSmsHook {
  beforeAck(sms: ArrivingSms): boolean;
  onInboundSms(tx: TenantTx, sms: InboundSms): Promise<{ reply: string } | null>;
}

/** Injection token of the InboundSmsHook[] to run (ChannelsModule.forRoot({inboundSmsHooks})). */
export const INBOUND_SMS_HOOKS = Symbol('INBOUND_SMS_HOOKS');

@Injectable()
export class InboundSmsHooks {
  constructor(@Inject(INBOUND_SMS_HOOKS) private readonly hooks: InboundSmsHook[]) {}

  /** Whether any hook must see this text before it is acknowledged (a keyword, typically). */
  beforeAck(sms: ArrivingSms): boolean {
    return this.hooks.some((hook) => hook.beforeAck(sms));
  }

  /** Runs every hook in order; the first reply wins. No hooks: no reply. */
  async run(tx: TenantTx, sms: InboundSms): Promise<string | null> {
    let reply: string | null = null;
    for (const hook of this.hooks) {
      const result = await hook.onInboundSms(tx, sms);
      reply ??= result?.reply || null;
    }
    return reply;
  }
}
