import { Injectable } from '@nestjs/common';
import { FaultInjector } from '../common/fault-injector.service.js';
import { twilioSid } from '../common/ids.js';
import { MessageLog } from '../common/message-log.service.js';
import { SandboxSettings } from '../common/sandbox-settings.service.js';
import type { SentSms } from '../common/sent-messages.js';
import { sleep } from '../common/sleep.js';
import { formString, parseCreateMessageForm, type TwilioForm } from './create-message-request.js';
import { buildMessagePage, type ListQuery } from './message-list-page.js';
import { countSmsSegments } from '@app/providers';
import { injectedTwilioFault, twilioErrors } from './twilio-api-error.js';
import { parseBasicAuth } from './twilio-basic-auth.js';
import { TwilioDeliverySimulator } from './twilio-delivery-simulator.service.js';
import { messageUri } from './twilio-message-json.js';

/** The Messages resource of Twilio's 2010-04-01 API, in memory. */
@Injectable()
export class TwilioMessagesService {
  constructor(
    private readonly log: MessageLog,
    private readonly faults: FaultInjector,
    private readonly settings: SandboxSettings,
    private readonly delivery: TwilioDeliverySimulator,
  ) {}

  async create(accountSid: string, authorization: string | undefined, form: TwilioForm): Promise<SentSms> {
    const authToken = this.authenticate(accountSid, authorization);
    await sleep(this.settings.responseDelayMs);
    const fault = this.faults.take('twilio', [formString(form, 'To') ?? '']);
    if (fault) throw injectedTwilioFault(fault);

    const request = parseCreateMessageForm(form);
    const now = new Date();
    const message: SentSms = {
      provider: 'twilio',
      id: twilioSid(request.mediaUrls.length > 0 ? 'MM' : 'SM'),
      accountSid,
      ...request,
      // Twilio answers "accepted" while a Messaging Service still has to pick the sender.
      status: request.from ? 'queued' : 'accepted',
      errorCode: null,
      errorMessage: null,
      numSegments: countSmsSegments(request.body),
      createdAt: now,
      updatedAt: now,
      sentAt: null,
    };
    this.log.add(message);
    this.delivery.start(message, authToken);
    return message;
  }

  async fetch(accountSid: string, authorization: string | undefined, sid: string): Promise<SentSms> {
    this.authenticate(accountSid, authorization);
    await sleep(this.settings.responseDelayMs);
    const message = this.log.findSms(accountSid, sid);
    if (!message) throw twilioErrors.notFound(messageUri(accountSid, sid));
    return message;
  }

  async list(
    accountSid: string,
    authorization: string | undefined,
    query: ListQuery,
  ): Promise<Record<string, unknown>> {
    this.authenticate(accountSid, authorization);
    await sleep(this.settings.responseDelayMs);
    return buildMessagePage(accountSid, this.log.listSms(accountSid), query);
  }

  /**
   * Any password is accepted, but the username must be the account in the path. The password is
   * returned because it is the auth token Twilio would sign this account's callbacks with.
   */
  private authenticate(accountSid: string, authorization: string | undefined): string {
    const credentials = parseBasicAuth(authorization);
    if (!credentials || credentials.username !== accountSid || !credentials.password) {
      throw twilioErrors.authenticate();
    }
    return credentials.password;
  }
}
