import { Body, Controller, Get, Headers, Patch, UseFilters } from '@nestjs/common';
import { type EnforcedTlsSettings, EnforcedTlsStore } from './enforced-tls-settings.service.js';
import { apiKeyFrom } from './sendgrid-auth.js';
import { SendGridErrorFilter } from './sendgrid-error.filter.js';

/** SendGrid's Enforced TLS settings API; each API key is its own account. */
@Controller('v3/user/settings/enforced_tls')
@UseFilters(SendGridErrorFilter)
export class EnforcedTlsSettingsController {
  constructor(private readonly store: EnforcedTlsStore) {}

  @Get()
  get(@Headers('authorization') authorization: string | undefined): EnforcedTlsSettings {
    return this.store.get(apiKeyFrom(authorization));
  }

  @Patch()
  update(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
  ): EnforcedTlsSettings {
    return this.store.update(apiKeyFrom(authorization), body);
  }
}
