import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FaultInjector } from './common/fault-injector.service.js';
import { MessageLog } from './common/message-log.service.js';
import { SandboxErrorFilter } from './common/sandbox-error.filter.js';
import { resolveSandboxOptions, SANDBOX_OPTIONS, type SandboxOptions } from './common/sandbox-options.js';
import { SandboxSettings } from './common/sandbox-settings.service.js';
import { ShutdownSignal } from './common/shutdown-signal.js';
import { WebhookSender } from './common/webhook-sender.service.js';
import { SandboxControlController } from './inspect/sandbox-control.controller.js';
import { EmailActivityController } from './sendgrid/email-activity.controller.js';
import { EnforcedTlsSettingsController } from './sendgrid/enforced-tls-settings.controller.js';
import { EnforcedTlsStore } from './sendgrid/enforced-tls-settings.service.js';
import { EventWebhookSettingsController } from './sendgrid/event-webhook-settings.controller.js';
import { EventWebhookSettingsStore } from './sendgrid/event-webhook-settings.service.js';
import { EventWebhookSigner } from './sendgrid/event-webhook-signer.service.js';
import { SendGridEventSimulator } from './sendgrid/sendgrid-event-simulator.service.js';
import { SendGridMailController } from './sendgrid/sendgrid-mail.controller.js';
import { SendGridMailService } from './sendgrid/sendgrid-mail.service.js';
import { MediaController } from './simulate/media.controller.js';
import { MediaStore } from './simulate/media-store.service.js';
import { SendGridInboundSimulator } from './simulate/sendgrid-inbound-simulator.service.js';
import { SimulateController } from './simulate/simulate.controller.js';
import { TwilioInboundSimulator } from './simulate/twilio-inbound-simulator.service.js';
import { TwilioDeliverySimulator } from './twilio/twilio-delivery-simulator.service.js';
import { TwilioMessagesController } from './twilio/twilio-messages.controller.js';
import { TwilioMessagesService } from './twilio/twilio-messages.service.js';

/** The whole sandbox: one in-memory state per app instance, so parallel test apps never share it. */
@Module({})
export class SandboxModule {
  static forRoot(options: SandboxOptions = {}): DynamicModule {
    return {
      module: SandboxModule,
      controllers: [
        TwilioMessagesController,
        SendGridMailController,
        EmailActivityController,
        EventWebhookSettingsController,
        EnforcedTlsSettingsController,
        SandboxControlController,
        SimulateController,
        MediaController,
      ],
      providers: [
        { provide: SANDBOX_OPTIONS, useValue: resolveSandboxOptions(options) },
        { provide: APP_FILTER, useClass: SandboxErrorFilter },
        SandboxSettings,
        ShutdownSignal,
        MessageLog,
        FaultInjector,
        WebhookSender,
        TwilioMessagesService,
        TwilioDeliverySimulator,
        EventWebhookSettingsStore,
        EnforcedTlsStore,
        EventWebhookSigner,
        SendGridEventSimulator,
        SendGridMailService,
        MediaStore,
        TwilioInboundSimulator,
        SendGridInboundSimulator,
      ],
    };
  }
}
