import { ChannelSchema } from './channel.entity.js';
import { ChannelRouteSchema } from './channel-route.entity.js';
import { SmsInboundSchema } from './sms/sms-inbound.entity.js';
import { FormSubmissionSchema } from './webform/form-submission.entity.js';
import { ChatSessionSchema } from './chat/chat-session.entity.js';
import { ChatMessageSchema } from './chat/chat-message.entity.js';
import { EmailMessageRefSchema } from './email/email-message-ref.entity.js';
import { EmailReplyTokenSchema } from './email/email-reply-token.entity.js';
import { SendgridEventSchema } from './email/sendgrid-event.entity.js';

/** The tables this lib owns, one `EntitySchema` each (registered with the DataSource by its module). */
export const CHANNELS_ENTITIES = [
  ChannelSchema,
  ChannelRouteSchema,
  SmsInboundSchema,
  FormSubmissionSchema,
  ChatSessionSchema,
  ChatMessageSchema,
  EmailMessageRefSchema,
  EmailReplyTokenSchema,
  SendgridEventSchema,
];
