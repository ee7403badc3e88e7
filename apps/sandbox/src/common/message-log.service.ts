import { Injectable } from '@nestjs/common';
import { SandboxSettings } from './sandbox-settings.service.js';
import { isSms, type SentMessage, type SentSms, wentTo } from './sent-messages.js';

export interface MessageFilter {
  to?: string;
  provider?: SentMessage['provider'];
}

/** In-memory record of every send, shared by both fake providers and the inspect endpoints. */
@Injectable()
export class MessageLog {
  /** Oldest first; readers reverse it. */
  private messages: SentMessage[] = [];

  constructor(private readonly settings: SandboxSettings) {}

  add(message: SentMessage): void {
    this.messages.push(message);
    const excess = this.messages.length - this.settings.maxStoredMessages;
    if (excess > 0) this.messages.splice(0, excess);
  }

  /** Newest first. */
  list(filter: MessageFilter = {}): SentMessage[] {
    return this.messages
      .filter((m) => (filter.provider ? m.provider === filter.provider : true))
      .filter((m) => (filter.to ? wentTo(m, filter.to) : true))
      .toReversed();
  }

  find(id: string): SentMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  /** A Twilio account only sees its own messages, like the real API. */
  findSms(accountSid: string, sid: string): SentSms | undefined {
    const found = this.find(sid);
    return found && isSms(found) && found.accountSid === accountSid ? found : undefined;
  }

  listSms(accountSid: string): SentSms[] {
    return this.list({ provider: 'twilio' }).filter(
      (m): m is SentSms => isSms(m) && m.accountSid === accountSid,
    );
  }

  clear(): void {
    this.messages = [];
  }
}
