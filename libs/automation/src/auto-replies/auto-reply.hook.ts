import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { AutomaticChatAnswer } from '@app/channels';
import type { DeliveryChannel } from '@app/consent';
import { ConsentLedger } from '@app/consent';
import { type Contact, ContactRepository } from '@app/contacts';
import {
  type InboundMessageFacts,
  type InboundMessageHook,
  InboundMessageHooks,
  MessageRepository,
} from '@app/conversations';
import type { TenantTx } from '@app/database';
import { GateFacts, OutboundMessages, SenderChannels } from '@app/delivery';
import { practiceSettingsFor } from '@app/identity';
import { AUTOMATION_CLOCK, type AutomationClock } from '../automation-clock.js';
import { businessHoursOf, isOpenAt } from '../business-hours/schedule.js';
import { AutoReplyRepository } from './auto-reply.repository.js';
import { practicePhoneOf, templatesOf } from './auto-reply-settings.js';
import {
  AUTO_REPLY_CHANNELS,
  type AutoReplyChannel,
  type AutoReplyKind,
  describeNextOpening,
  fillAutoReply,
} from './auto-reply-templates.js';

const HOUR_MS = 3_600_000;
const SYSTEM_ACTOR = { type: 'system', id: 'auto_reply' } as const;

/** Answers an auto-reply in a chat session (channels' chat lives in the api only; registered there). */
export interface ChatAutoReplySender {
  /**
   * Stores `body` as an automatic message to the session that wrote `inboundMessageId` and
   * publishes it to that session only; null when the session is gone (nothing sent).
   */
  send(tx: TenantTx, input: AutomaticChatAnswer): Promise<{ messageId: string } | null>;
}

/** Where an auto-reply goes: the address (SMS/email, through the outbox) or the chat session. */
type Destination =
  | { kind: 'address'; channel: DeliveryChannel; address: string; index: Buffer; senderChannelId: string }
  | { kind: 'chat'; sessionId: string };

/**
 * Auto-replies (stage 20, after routing): on each new inbound message, inside the ingest's
 * transaction, decide whether it gets one: after hours (hours set and closed at the clock's
 * instant), else first contact (a new contact, or the contact's first message). Never to a
 * keyword text or a machine's email (`noAutoAnswer`), the portal, a claim (an unproven address),
 * an opted-out number, a suppressed email, nor within the throttle for the contact and channel.
 * The reply is a `system` message (`auto_reply`, its rendered PHI-free text stored) queued with
 * its outbox row in this transaction, so a rolled-back ingest sends nothing and a provider's
 * retry (a duplicate, no hooks) answers nothing.
 */
@Injectable()
export class AutoReplyHook implements InboundMessageHook, OnModuleInit {
  readonly name = 'auto_replies';
  readonly stage = 20;
  private chat: ChatAutoReplySender | null = null;

  constructor(
    private readonly hooks: InboundMessageHooks,
    private readonly repository: AutoReplyRepository,
    private readonly contacts: ContactRepository,
    private readonly ledger: ConsentLedger,
    private readonly gate: GateFacts,
    private readonly senderChannels: SenderChannels,
    private readonly outbound: OutboundMessages,
    private readonly messages: MessageRepository,
    private readonly audit: AuditService,
    @Inject(AUTOMATION_CLOCK) private readonly clock: AutomationClock,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  /** The api's chat sender (the worker ingests no chat). */
  registerChat(sender: ChatAutoReplySender): void {
    this.chat = sender;
  }

  async afterInbound(tx: TenantTx, facts: InboundMessageFacts): Promise<void> {
    if (facts.noAutoAnswer !== null) return;
    if (!isAutoReplyChannel(facts.channel)) return; // the portal: never
    const channel = facts.channel;
    const settings = await this.repository.settings(tx);
    if (!settings || (!settings.after_hours_enabled && !settings.first_contact_enabled)) return;
    const templates = templatesOf(settings);

    const at = this.clock.now(facts.receivedAt);
    const practice = await practiceSettingsFor(tx, ['timeZone', 'businessHours', 'smsHelpContactNumber']);
    const hours = businessHoursOf(practice.settings);
    const afterHours = hours !== null && !isOpenAt(hours, at);
    const kind: AutoReplyKind | null =
      afterHours && settings.after_hours_enabled && templates.afterHours?.[channel]
        ? 'afterHours'
        : !afterHours &&
            settings.first_contact_enabled &&
            templates.firstContact?.[channel] &&
            (facts.contactCreated ||
              !(await this.messages.hasEarlierInbound(tx, facts.contactId, facts.messageId)))
          ? 'firstContact'
          : null;
    if (!kind) return;

    const destination = await this.destination(tx, facts, channel);
    if (!destination) return;
    // Last: the throttle's slot is taken only by a reply that goes.
    const cutoff = new Date(at.getTime() - settings.throttle_hours * HOUR_MS);
    if (!(await this.repository.takeThrottleSlot(tx, facts.contactId, channel, at, cutoff))) return;

    const body = fillAutoReply(templates[kind]![channel]!, {
      practiceName: practice.name,
      practicePhone: practicePhoneOf(settings.practice_phone, practice.settings.smsHelpContactNumber) ?? '',
      link: settings.link ?? '',
      nextOpening: describeNextOpening(hours, at),
    });
    const messageId = await this.queue(tx, facts, destination, body);
    if (!messageId) return;
    // Ids and facts only: never the text or the address.
    this.audit.record(tx, {
      action: 'auto_reply.queued',
      actor: SYSTEM_ACTOR,
      target: { type: 'message', id: messageId },
      metadata: {
        kind: kind === 'afterHours' ? 'after_hours' : 'first_contact',
        channel: destination.kind === 'chat' ? 'chat' : destination.channel,
        inboundChannel: channel,
        conversationId: facts.conversationId,
        messageId,
        inReplyTo: facts.messageId,
      },
    });
  }

  /** Where the reply may go, or null when it may go nowhere (claim, opt-out, suppression, no sender). */
  private async destination(
    tx: TenantTx,
    facts: InboundMessageFacts,
    channel: AutoReplyChannel,
  ): Promise<Destination | null> {
    if (channel === 'chat') {
      // Back into the session that wrote (PHI-free, so an unproven visitor may read it), never elsewhere.
      return facts.chatSessionId && this.chat ? { kind: 'chat', sessionId: facts.chatSessionId } : null;
    }
    const contact = await this.contacts.get(tx, facts.contactId);
    // A claim's addresses are typed or unproven (invariant 11): nothing is sent to them.
    if (!contact || contact.claimReason !== null || contact.claimOf !== null) return null;
    // SMS and email answer on the channel they came in on; a web form to its own email, else its phone.
    const replyChannel: DeliveryChannel | null =
      channel === 'sms'
        ? 'sms'
        : channel === 'email'
          ? 'email'
          : contact.email
            ? 'email'
            : contact.phone
              ? 'sms'
              : null;
    if (!replyChannel) return null;
    const target = await this.gate.address(tx, replyChannel, addressOf(contact, replyChannel));
    if (!target) return null;
    const blocks = await this.ledger.addressFacts(tx, contact.id, replyChannel, target.index);
    if (blocks.optedOut || blocks.suppressed) return null;
    const senderChannelId =
      channel === 'webform' || !facts.channelId
        ? await this.senderChannels.pick(tx, facts.conversationId, replyChannel)
        : facts.channelId;
    if (!senderChannelId) return null;
    return { kind: 'address', channel: replyChannel, ...target, senderChannelId };
  }

  private async queue(
    tx: TenantTx,
    facts: InboundMessageFacts,
    destination: Destination,
    body: string,
  ): Promise<string | null> {
    if (destination.kind === 'chat') {
      const sent = await this.chat!.send(tx, {
        sessionId: destination.sessionId,
        contactId: facts.contactId,
        conversationId: facts.conversationId,
        inboundMessageId: facts.messageId,
        body,
      });
      return sent?.messageId ?? null;
    }
    const message = await this.outbound.create(tx, {
      conversationId: facts.conversationId,
      contactId: facts.contactId,
      senderChannelId: destination.senderChannelId,
      channel: destination.channel,
      address: destination.address,
      addressIndex: destination.index,
      authorUserId: null,
      content: { kind: 'system', template: 'auto_reply', body },
    });
    return message.id;
  }
}

function isAutoReplyChannel(channel: string): channel is AutoReplyChannel {
  return (AUTO_REPLY_CHANNELS as readonly string[]).includes(channel);
}

function addressOf(contact: Contact, channel: DeliveryChannel): string | null {
  return channel === 'sms' ? contact.phone : contact.email;
}
