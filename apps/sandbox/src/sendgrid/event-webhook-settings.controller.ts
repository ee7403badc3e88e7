import { Body, Controller, Get, Headers, Patch, UseFilters } from '@nestjs/common';
import { type EventWebhookSettings, EventWebhookSettingsStore } from './event-webhook-settings.service.js';
import { EventWebhookSigner } from './event-webhook-signer.service.js';
import { apiKeyFrom } from './sendgrid-auth.js';
import { SendGridErrorFilter } from './sendgrid-error.filter.js';

/** SendGrid's (legacy, single) Event Webhook settings API; each API key is its own account. */
@Controller('v3/user/webhooks/event/settings')
@UseFilters(SendGridErrorFilter)
export class EventWebhookSettingsController {
  constructor(
    private readonly store: EventWebhookSettingsStore,
    private readonly signer: EventWebhookSigner,
  ) {}

  @Get()
  get(@Headers('authorization') authorization: string | undefined): EventWebhookSettings {
    return this.store.get(apiKeyFrom(authorization));
  }

  @Patch()
  update(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
  ): EventWebhookSettings {
    return this.store.update(apiKeyFrom(authorization), body);
  }

  /** The verification key; empty while signing is off, as at SendGrid. */
  @Get('signed')
  getSigned(@Headers('authorization') authorization: string | undefined): { public_key: string } {
    return { public_key: this.store.isSigned(apiKeyFrom(authorization)) ? this.signer.publicKey : '' };
  }

  @Patch('signed')
  setSigned(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: { enabled?: unknown } | undefined,
  ): { public_key: string } {
    const apiKey = apiKeyFrom(authorization);
    this.store.setSigned(apiKey, body?.enabled);
    return { public_key: this.store.isSigned(apiKey) ? this.signer.publicKey : '' };
  }
}
