import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import type { TwilioForm } from './create-message-request.js';
import type { ListQuery } from './message-list-page.js';
import { TwilioErrorFilter } from './twilio-error.filter.js';
import { toTwilioMessageJson } from './twilio-message-json.js';
import { TwilioMessagesService } from './twilio-messages.service.js';

/** Twilio's Programmable Messaging endpoints, as the real `twilio` SDK calls them. */
@Controller('2010-04-01/Accounts/:accountSid')
@UseFilters(TwilioErrorFilter)
export class TwilioMessagesController {
  constructor(private readonly messages: TwilioMessagesService) {}

  @Post('Messages.json')
  @HttpCode(201)
  async create(
    @Param('accountSid') accountSid: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() form: TwilioForm,
  ): Promise<Record<string, unknown>> {
    return toTwilioMessageJson(await this.messages.create(accountSid, authorization, form ?? {}));
  }

  @Get('Messages.json')
  list(
    @Param('accountSid') accountSid: string,
    @Headers('authorization') authorization: string | undefined,
    @Query() query: ListQuery,
  ): Promise<Record<string, unknown>> {
    return this.messages.list(accountSid, authorization, query);
  }

  @Get('Messages/:messageSid.json')
  async fetch(
    @Param('accountSid') accountSid: string,
    @Param('messageSid') messageSid: string,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<Record<string, unknown>> {
    return toTwilioMessageJson(await this.messages.fetch(accountSid, authorization, messageSid));
  }
}
