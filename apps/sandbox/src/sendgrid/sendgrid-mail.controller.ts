import { Body, Controller, Headers, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { SendGridErrorFilter } from './sendgrid-error.filter.js';
import { SendGridMailService } from './sendgrid-mail.service.js';

/** SendGrid's v3 Mail Send endpoint, as `@sendgrid/mail` calls it. */
@Controller('v3/mail')
@UseFilters(SendGridErrorFilter)
export class SendGridMailController {
  constructor(private readonly mail: SendGridMailService) {}

  /** 202 with an empty body and the X-Message-Id header (200 without one in sandbox mode). */
  @Post('send')
  @HttpCode(202)
  async send(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const result = await this.mail.send(authorization, body);
    if (result.accepted) response.setHeader('X-Message-Id', result.messageId);
    else response.status(200);
  }
}
