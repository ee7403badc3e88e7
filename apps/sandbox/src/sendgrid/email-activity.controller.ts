import { Controller, Get, Headers, Query, UseFilters } from '@nestjs/common';
import { MessageLog } from '../common/message-log.service.js';
import { isSms } from '../common/sent-messages.js';
import { sendGridError, sendGridErrors } from './sendgrid-api-error.js';
import { apiKeyFrom } from './sendgrid-auth.js';
import { SendGridErrorFilter } from './sendgrid-error.filter.js';

/** `unique_args['name']="value"` (custom args are "unique args" in the Activity API's query language). */
const ARG_QUERY = /^\s*(?:unique_args|custom_args)\['([A-Za-z0-9_.-]+)'\]\s*=\s*"([^"]*)"\s*$/;

/**
 * SendGrid's Email Activity API (`GET /v3/messages`), for the one query senders make: find what
 * was sent with a given custom arg (a crashed sender checking whether its mail went out).
 */
@Controller('v3/messages')
@UseFilters(SendGridErrorFilter)
export class EmailActivityController {
  constructor(private readonly log: MessageLog) {}

  @Get()
  list(
    @Headers('authorization') authorization: string | undefined,
    @Query('query') query: unknown,
    @Query('limit') limit: unknown,
  ) {
    apiKeyFrom(authorization);
    const match = typeof query === 'string' ? ARG_QUERY.exec(query) : null;
    if (!match)
      throw sendGridErrors.badRequest([
        sendGridError('only unique_args[\'name\']="value" is supported', 'query'),
      ]);
    const [, name, value] = match;
    const max = Math.min(Math.max(Number.parseInt(String(limit ?? '10'), 10) || 10, 1), 1000);
    const messages = this.log
      .list({ provider: 'sendgrid' })
      .flatMap((m) => (isSms(m) || m.customArgs[name!] !== value ? [] : [m]))
      .slice(0, max)
      .map((m) => {
        return {
          msg_id: m.messageId,
          from_email: m.from,
          subject: m.subject,
          to_email: m.to,
          status: ['bounce', 'dropped', 'blocked'].includes(m.status) ? 'not_delivered' : 'delivered',
          opens_count: 0,
          clicks_count: 0,
          last_event_time: m.updatedAt.toISOString(),
        };
      });
    return { messages };
  }
}
