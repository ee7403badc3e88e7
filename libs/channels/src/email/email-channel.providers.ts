import { EmailChannelAdmin } from './email-channel-admin.js';
import { InboundParseAuthGuard } from './inbound-parse-auth.guard.js';
import { InboundParseUpload } from './inbound-parse-upload.js';
import { SendGridEventRepository } from './sendgrid-event.repository.js';
import { SendGridEventsService } from './sendgrid-events.service.js';
import { SendGridInboundService } from './sendgrid-inbound.service.js';
import { SendGridWebhooksController } from './sendgrid-webhooks.controller.js';

/** Everything the email (SendGrid) channel adds to ChannelsModule, so the module lists it in one place. */
export const EMAIL_CHANNEL_PROVIDERS = [
  EmailChannelAdmin,
  InboundParseAuthGuard,
  InboundParseUpload,
  SendGridInboundService,
  SendGridEventsService,
  SendGridEventRepository,
];
export const EMAIL_CHANNEL_CONTROLLERS = [SendGridWebhooksController];
